namespace Portal.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded, a file in the data folder: the default, no server needed.</summary>
    Sqlite,

    /// <summary>The production provider.</summary>
    SqlServer,
}
