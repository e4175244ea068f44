namespace Portal.Data;

/// <summary>Which database holds Portal's data (<c>Database:Provider</c>); each has its own migrations.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, a file in the data folder: the default, no server needed.</summary>
    Sqlite,

    /// <summary>The design card's production database.</summary>
    SqlServer,

    /// <summary>The server database CI runs (Npgsql); production-ready as SQL Server is.</summary>
    Postgres,
}
