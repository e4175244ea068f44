using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// Group commit for Portal's SQLite file: every write waits in one queue, and one writer commits whatever is queued
/// when it comes round in a single transaction, each write inside a savepoint of its own. SQLite has one writer anyway;
/// what costs is each write's own BEGIN, COMMIT and connection, one after another, while 32 payments wait in line. A
/// lone write commits at once (a batch is only what queued while the previous one committed, never a wait for more).
/// </summary>
/// <remarks>
/// Each write is all-or-nothing on its own: one that fails is rolled back to its savepoint and its caller gets its own
/// exception (a lost race stays a <see cref="DbUpdateConcurrencyException"/>, decided again by the caller on fresh
/// state), while the others of the batch commit. A write runs on the writer's connection and transaction, then its
/// context gets its own connection back, so its later reads never see a batch that is not committed yet. EF's
/// SaveChanges runs with acceptAllChangesOnSuccess false and its changes are accepted by the caller only once the batch
/// is committed: a batch whose commit fails leaves every context as it was before its save.
/// Writes that need a transaction of their own (the totals' compaction and recount) take the writer for themselves
/// (<see cref="EnterAsync"/>), as the old single-writer gate did.
/// </remarks>
internal sealed partial class SqliteGroupCommit : IAsyncDisposable
{
    // Enough to take a burst of 32 concurrent payments' saves in one commit; small enough that one batch is milliseconds.
    private const int MaxBatch = 64;

    private readonly string _connectionString;
    private readonly ILogger<SqliteGroupCommit> _logger;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Task _writing;
    private SqliteConnection? _connection;

    public SqliteGroupCommit(string connectionString, ILogger<SqliteGroupCommit> logger)
    {
        _connectionString = connectionString;
        _logger = logger;
        _writing = Task.Run(WriteAsync);
    }

    /// <summary>The number of batches committed and of writes they held, for tests and the benchmark.</summary>
    public (long Batches, long Writes) Committed => (Interlocked.Read(ref _batches), Interlocked.Read(ref _writes));

    private long _batches;
    private long _writes;

    /// <summary>Saves the context's changes in the next batch; throws what its SaveChanges threw, or what failed the batch.</summary>
    public async Task<int> SaveChangesAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        // Change detection happens here, on the caller's thread, not in the writer's turn.
        db.ChangeTracker.DetectChanges();
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        int saved;
        try
        {
            saved = await WriteAsync(db, static (d, ct) => d.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct), cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        db.ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>
    /// Runs <paramref name="write"/> (an ExecuteUpdate, a read then a write) on the context in the next batch, inside a
    /// savepoint of its own; what it reads includes the batch's earlier writes, as if they had committed just before.
    /// </summary>
    public Task<T> WriteAsync<TContext, T>(TContext db, Func<TContext, CancellationToken, Task<T>> write,
        CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new Write<T>(db, (context, ct) => write((TContext)context, ct), cancellationToken);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommit), "Portal is shutting down.");
        }
        return queued.Done.Task;
    }

    /// <summary>
    /// Takes the writer for a transaction of the caller's own on its own connection (no batch commits meanwhile), as the
    /// single-writer gate did; dispose the result to give it back.
    /// </summary>
    public async Task<Release> EnterAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        return new Release(_writer);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _writer.Dispose();
    }

    private async Task WriteAsync()
    {
        var batch = new List<Write>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            // The writer first, then whatever queued by then: writes that waited behind another's transaction
            // (EnterAsync) go in together.
            await _writer.WaitAsync();
            try
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var write))
                {
                    // A caller that gave up while it queued is told so, and its write never runs.
                    if (!write.TryCancel())
                    {
                        batch.Add(write);
                    }
                }
                if (batch.Count > 0)
                {
                    await CommitAsync(batch);
                }
            }
            finally
            {
                _writer.Release();
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<Write> batch)
    {
        var ran = new List<Write>(batch.Count);
        Exception? lost = null;
        SqliteTransaction? transaction = null;
        try
        {
            var connection = await OpenAsync();
            // IMMEDIATE: the write lock is taken now (another process, e.g. the totals command, is waited for by the busy
            // timeout), so that no statement of the batch can fail on it half way.
            transaction = connection.BeginTransaction(deferred: false);
            var alone = batch.Count == 1;
            foreach (var write in batch)
            {
                if (!alone)
                {
                    Execute(transaction, "SAVEPOINT portal_write");
                }
                try
                {
                    await write.RunAsync(connection, transaction);
                    if (!alone)
                    {
                        Execute(transaction, "RELEASE portal_write");
                    }
                    ran.Add(write);
                }
                catch (Exception ex)
                {
                    write.Fail(ex);
                    if (alone)
                    {
                        transaction.Rollback();
                        return;
                    }
                    // A write that failed leaves the transaction open (a constraint, a version token that matched no
                    // row), unless SQLite rolled all of it back (disk full, I/O): then the batch is lost.
                    if (!TryRollBackTo(transaction))
                    {
                        lost = ex;
                        break;
                    }
                }
            }
            if (lost is null)
            {
                transaction.Commit();
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _writes, ran.Count);
            }
        }
        catch (Exception ex)
        {
            lost = ex;
        }
        finally
        {
            transaction?.Dispose();
        }

        if (lost is null)
        {
            foreach (var write in ran)
            {
                write.Succeed();
            }
            return;
        }
        // The writes that ran are told the batch failed (their contexts are as before their save); those that never
        // ran go round again when another write of the batch failed on its own, and fail with it when the batch could
        // not even begin (the database is not there), so that nothing waits for ever.
        var began = batch.Any(w => w.HasRun);
        foreach (var write in batch)
        {
            if (write.HasRun)
            {
                write.Fail(lost);
            }
            else if (!began || !_queue.Writer.TryWrite(write))
            {
                write.Fail(lost);
            }
        }
        LogBatchLost(lost, ran.Count);
        await ResetAsync();
    }

    private static bool TryRollBackTo(SqliteTransaction transaction)
    {
        try
        {
            Execute(transaction, "ROLLBACK TO portal_write; RELEASE portal_write");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }
        _connection = new SqliteConnection(_connectionString);
        await _connection.OpenAsync();
        // The same pragmas as every other connection of Portal's.
        SqliteConnectionInterceptor.Configure(_connection);
        return _connection;
    }

    // After a lost batch the connection may still think it is in a transaction: the next batch starts on a fresh one.
    private async Task ResetAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private static void Execute(SqliteTransaction transaction, string sql)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(EventId = 1040, Level = LogLevel.Error, Message = "A batch of writes to SQLite failed; {Count} writes that had run in it were not committed")]
    private partial void LogBatchLost(Exception exception, int count);

    /// <summary>Gives the writer back (<see cref="EnterAsync"/>).</summary>
    internal readonly struct Release(SemaphoreSlim? writer) : IDisposable
    {
        public void Dispose() => writer?.Release();
    }

    private abstract class Write
    {
        public bool HasRun { get; protected set; }

        public abstract bool TryCancel();

        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Succeed();

        public abstract void Fail(Exception exception);
    }

    private sealed class Write<T>(DbContext db, Func<DbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
        : Write
    {
        private T _result = default!;

        // Completed by the writer: the caller's continuation must not run on (and hold up) the writer's turn.
        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool TryCancel() => cancellationToken.IsCancellationRequested && Done.TrySetCanceled(cancellationToken);

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            HasRun = true;
            var database = db.Database;
            var ownConnection = database.GetConnectionString();
            var savepoints = database.AutoSavepointsEnabled;
            database.SetDbConnection(connection, contextOwnsConnection: false);
            database.AutoSavepointsEnabled = false;
            try
            {
                await database.UseTransactionAsync(transaction);
                // Not the caller's token: cancelling a statement interrupts the whole connection, and with it the batch.
                _result = await write(db, CancellationToken.None);
            }
            finally
            {
                await database.UseTransactionAsync(null);
                database.SetDbConnection(null, contextOwnsConnection: false);
                database.SetConnectionString(ownConnection);
                database.AutoSavepointsEnabled = savepoints;
            }
        }

        public override void Succeed() => Done.TrySetResult(_result);

        public override void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
