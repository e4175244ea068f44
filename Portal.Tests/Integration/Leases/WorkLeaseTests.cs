using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Leases;

/// <summary>
/// Two instances contend for one job's lease on a real database: one wins, the holder keeps it by renewing, and it
/// moves to the other only once it lapsed on the database's clock (or was given up).
/// </summary>
public abstract class WorkLeaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Job = "test-job";
    private PortalDatabase _database = default!;

    public async Task InitializeAsync() => _database = await PortalDatabase.CreateMigratedAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetDatabaseNow_ReadsTheServersClockAsUtcTicks()
    {
        await using var db = _database.CreateDbContext();

        var databaseNow = await db.GetDatabaseNowAsync();

        // Same machine: the server's clock and ours agree closely, which a wrong tick formula (ms for ticks, local
        // time for UTC, epoch 1970 for year 1) would not.
        Assert.InRange(databaseNow - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(-5), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, databaseNow.Offset);
    }

    [Fact]
    public async Task TryAcquire_TwoContendersAtOnce_OneWins()
    {
        var a = Instance("a", TimeSpan.FromMinutes(1));
        var b = Instance("b", TimeSpan.FromMinutes(1));

        var results = await Task.WhenAll(a.TryAcquireAsync(Job), b.TryAcquireAsync(Job));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task TryAcquire_HeldByAnother_Refused()
    {
        var a = Instance("a", TimeSpan.FromMinutes(1));
        var b = Instance("b", TimeSpan.FromMinutes(1));
        Assert.True(await a.TryAcquireAsync(Job));

        Assert.False(await b.TryAcquireAsync(Job));
    }

    [Fact]
    public async Task TryAcquire_HolderRenews_KeepsItPastTheFirstExpiry()
    {
        var a = Instance("a", TimeSpan.FromMinutes(1));
        var b = Instance("b", TimeSpan.FromMinutes(1));
        Assert.True(await a.TryAcquireAsync(Job, TimeSpan.FromMilliseconds(300)));
        var firstExpiry = await ExpiryAsync();

        Assert.True(await a.TryAcquireAsync(Job));
        Assert.True(await ExpiryAsync() > firstExpiry);
        await WaitForDatabaseClockAsync(firstExpiry);

        Assert.False(await b.TryAcquireAsync(Job));
    }

    [Fact]
    public async Task TryAcquire_LeaseLapsedOnDatabaseClock_AnotherTakesOver()
    {
        var a = Instance("a", TimeSpan.FromMilliseconds(300));
        var b = Instance("b", TimeSpan.FromMinutes(1));
        Assert.True(await a.TryAcquireAsync(Job));
        Assert.False(await b.TryAcquireAsync(Job));

        await WaitForDatabaseClockAsync(await ExpiryAsync());

        Assert.True(await b.TryAcquireAsync(Job));
        Assert.False(await a.TryAcquireAsync(Job));
    }

    [Fact]
    public async Task Release_ByHolder_AnotherTakesOverAtOnce()
    {
        var a = Instance("a", TimeSpan.FromMinutes(1));
        var b = Instance("b", TimeSpan.FromMinutes(1));
        Assert.True(await a.TryAcquireAsync(Job));

        await a.ReleaseAsync(Job);

        Assert.True(await b.TryAcquireAsync(Job));
    }

    [Fact]
    public async Task Release_ByOtherThanHolder_ChangesNothing()
    {
        var a = Instance("a", TimeSpan.FromMinutes(1));
        var b = Instance("b", TimeSpan.FromMinutes(1));
        Assert.True(await a.TryAcquireAsync(Job));

        await b.ReleaseAsync(Job);

        Assert.False(await b.TryAcquireAsync(Job));
    }

    private WorkLeases Instance(string id, TimeSpan duration) =>
        new(_database, new InstanceIdentity(id), Options.Create(new WorkLeaseOptions { Duration = duration }));

    private async Task<DateTimeOffset> ExpiryAsync()
    {
        await using var db = _database.CreateDbContext();
        return db.WorkLeases.Single(l => l.Name == Job).ExpiresAt;
    }

    // Polls the server's clock rather than sleeping on ours: the lease lapses when the database says so.
    private async Task WaitForDatabaseClockAsync(DateTimeOffset instant)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using (var db = _database.CreateDbContext())
            {
                if (await db.GetDatabaseNowAsync() > instant)
                {
                    return;
                }
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The database's clock did not pass the lease's expiry.");
            }
            await Task.Delay(50);
        }
    }
}

public sealed class WorkLeaseOnSqliteTests() : WorkLeaseTests(DatabaseProvider.Sqlite);

public sealed class WorkLeaseOnPostgresTests() : WorkLeaseTests(DatabaseProvider.Postgres);
