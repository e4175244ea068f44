namespace Portal.Data;

/// <summary>
/// One writer at a time for Portal's SQLite file, queued in the process. SQLite allows one writer anyway, and a writer
/// that finds the lock taken waits in SQLite's busy handler, which sleeps (1, 2, 5 … 100 ms) and retries on a blocked
/// thread-pool thread: under 32 concurrent payments most of a save's time was that sleep, not the commit (about 0.1 ms
/// in WAL). Waiting here is an async FIFO queue that hands the lock on the moment it is free. SQL Server needs none.
/// </summary>
internal sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Release> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    /// <summary>Leaves the gate; the default value (no gate, as on SQL Server) does nothing.</summary>
    internal readonly struct Release(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
