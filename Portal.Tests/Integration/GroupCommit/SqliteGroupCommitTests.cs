using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.GroupCommit;

/// <summary>
/// Group commit on a real SQLite file: writes queued together share one transaction, each inside a savepoint, so a
/// write that fails takes none of the others with it and leaves nothing of its own; a lone write commits at once.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private PortalDatabase _database = default!;
    private SqliteGroupCommit _commits = default!;

    public async Task InitializeAsync()
    {
        _database = await PortalDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        _commits = new SqliteGroupCommit(_database.Settings["ConnectionStrings:Portal"], NullLogger<SqliteGroupCommit>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _commits.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Batch_WithTwoFailingWrites_CommitsTheOthersAndNothingOfTheFailed()
    {
        await using (var seed = _database.CreateDbContext())
        {
            seed.WorkLeases.Add(Lease("taken"));
            await seed.SaveChangesAsync();
        }
        var contexts = Enumerable.Range(0, 5).Select(_ => _database.CreateDbContext()).ToArray();
        try
        {
            contexts[0].WorkLeases.Add(Lease("a"));
            // Two rows, the second refused by the primary key: the first must not be committed either.
            contexts[1].WorkLeases.AddRange(Lease("f1"), Lease("taken"));
            contexts[2].WorkLeases.Add(Lease("b"));
            contexts[4].WorkLeases.Add(Lease("d"));

            Task<int>[] writes;
            // While the writer is held, every write queues; released, they go in as one batch.
            using (await _commits.EnterAsync(CancellationToken.None))
            {
                writes =
                [
                    _commits.SaveChangesAsync(contexts[0]),
                    _commits.SaveChangesAsync(contexts[1]),
                    _commits.SaveChangesAsync(contexts[2]),
                    _commits.WriteAsync<PortalDbContext, int>(contexts[3], async (db, ct) =>
                    {
                        await db.Database.ExecuteSqlRawAsync(
                            "INSERT INTO WorkLeases (Name, Holder, ExpiresAt) VALUES ('c', 'test', 0)", ct);
                        throw new InvalidOperationException("The write failed after its insert.");
                    }),
                    _commits.SaveChangesAsync(contexts[4]),
                ];
            }

            Assert.Equal(1, await writes[0]);
            await Assert.ThrowsAsync<DbUpdateException>(() => writes[1]);
            Assert.Equal(1, await writes[2]);
            await Assert.ThrowsAsync<InvalidOperationException>(() => writes[3]);
            Assert.Equal(1, await writes[4]);
            Assert.Equal((1L, 3L), _commits.Committed);

            await using var read = _database.CreateDbContext();
            Assert.Equal(["a", "b", "d", "taken"], await read.WorkLeases.Select(l => l.Name).OrderBy(n => n).ToListAsync());
            // The saved contexts accepted their changes; the refused one is as before its save, to be thrown away.
            Assert.All(contexts[0].ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
            Assert.All(contexts[1].ChangeTracker.Entries(), e => Assert.Equal(EntityState.Added, e.State));
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task LoneWrite_CommitsAtOnce_AndItsContextReadsOnItsOwnConnectionAfter()
    {
        await using var db = _database.CreateDbContext();
        db.WorkLeases.Add(Lease("alone"));

        Assert.Equal(1, await _commits.SaveChangesAsync(db));

        Assert.Equal((1L, 1L), _commits.Committed);
        Assert.NotNull(await db.WorkLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == "alone"));
        Assert.IsType<SqliteConnection>(db.Database.GetDbConnection());
        Assert.Equal(_database.Settings["ConnectionStrings:Portal"], db.Database.GetConnectionString());
    }

    [Fact]
    public async Task ContextOfAQueuedWrite_ReadsNothingOfTheBatchBeforeItCommits()
    {
        await using var writer = _database.CreateDbContext();
        await using var reader = _database.CreateDbContext();
        Task<int> write;
        int seenBefore;
        using (await _commits.EnterAsync(CancellationToken.None))
        {
            write = _commits.WriteAsync(writer, (db, ct) => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO WorkLeases (Name, Holder, ExpiresAt) VALUES ('pending', 'test', 0)", ct));
            seenBefore = await reader.WorkLeases.CountAsync();
        }
        await write;

        Assert.Equal(0, seenBefore);
        Assert.Equal(1, await reader.WorkLeases.CountAsync());
    }

    [Fact]
    public async Task Write_CancelledWhileQueued_NeverRuns()
    {
        await using var db = _database.CreateDbContext();
        db.WorkLeases.Add(Lease("never"));
        using var cancel = new CancellationTokenSource();
        Task<int> write;
        using (await _commits.EnterAsync(CancellationToken.None))
        {
            write = _commits.SaveChangesAsync(db, cancel.Token);
            await cancel.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        await using var read = _database.CreateDbContext();
        Assert.False(await read.WorkLeases.AnyAsync());
    }

    [Fact]
    public async Task ManyConcurrentSaves_AllCommitOnce()
    {
        const int Writers = 200;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await using var db = _database.CreateDbContext();
            db.WorkLeases.Add(Lease($"w{i}"));
            await _commits.SaveChangesAsync(db);
        })));

        await using var read = _database.CreateDbContext();
        Assert.Equal(Writers, await read.WorkLeases.CountAsync());
        var (batches, writes) = _commits.Committed;
        Assert.Equal(Writers, writes);
        Assert.True(batches <= writes, $"{batches} batches for {writes} writes");
    }

    private static WorkLease Lease(string name) => new() { Name = name, Holder = "test", ExpiresAt = DateTimeOffset.UnixEpoch };
}
