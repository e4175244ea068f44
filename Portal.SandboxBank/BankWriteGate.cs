namespace Portal.SandboxBank;

/// <summary>
/// One writer at a time for the bank's SQLite file. SQLite allows one writer anyway; queueing here, in the process,
/// keeps waiting writers off the busy-retry loop and avoids the deferred-transaction upgrade deadlock (SQLITE_BUSY
/// returned at once when two read transactions both try to write). A server database would not need it.
/// </summary>
public sealed class BankWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
