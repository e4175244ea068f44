using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Lists;

/// <summary>
/// A migrated database with two CNY merchants whose contexts record every query they send
/// (<see cref="RecordedCommands"/>): the real queries on the real provider, and their SQL for the plan tests.
/// </summary>
public sealed class ListDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly PortalDatabase _database;
    private readonly string _connectionString;

    private ListDatabase(PortalDatabase database)
    {
        _database = database;
        _connectionString = database.Settings["ConnectionStrings:Portal"];
    }

    public DatabaseProvider Provider => _database.Provider;

    public RecordedCommands Recorded { get; } = new();

    public Merchant Demo { get; private set; } = default!;

    public Merchant Other { get; private set; } = default!;

    public static async Task<ListDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = new ListDatabase(await PortalDatabase.CreateMigratedAsync(provider));
        await using var db = database.CreateDbContext();
        database.Demo = Merchant.Create("Demo Shop", "Shanghai", Currency.CNY, AccountNumber.Parse("8800000000000001"), AdminDatabase.Created);
        database.Other = Merchant.Create("Other Shop", "Beijing", Currency.CNY, AccountNumber.Parse("8800000000000002"), AdminDatabase.Created);
        db.Merchants.AddRange(database.Demo, database.Other);
        await db.SaveChangesAsync();
        return database;
    }

    public PortalDbContext CreateDbContext() => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql(_connectionString).AddInterceptors(Recorded).Options),
        _ => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(_connectionString).AddInterceptors(Recorded).Options),
    };

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
