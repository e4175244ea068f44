using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>The tests' data on SQLite files, as `dotnet run` keeps it.</summary>
public sealed class OnSqlite : IProviderUnderTest
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}
