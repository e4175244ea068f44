using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>The tests' data in a fresh database on the tests' PostgreSQL cluster (<see cref="PostgresDatabase"/>).</summary>
public sealed class OnPostgres : IProviderUnderTest
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}
