namespace Portal.Admin.Shared;

/// <summary>
/// Turns a burst of "something changed" into at most one refresh per interval: the first request runs at once (or as
/// soon as the interval since the last run has passed), requests meanwhile fold into one trailing run. A busy merchant's
/// stream of payments then costs a live view one query a second, not one per payment.
/// </summary>
public sealed class RefreshThrottle(TimeSpan interval, TimeProvider time, Func<Task> refresh) : IDisposable
{
    private readonly Lock _lock = new();
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private bool _pending;
    private bool _disposed;
    private ITimer? _timer;

    /// <summary>Asks for a refresh; returns at once.</summary>
    public void Request()
    {
        lock (_lock)
        {
            if (_pending || _disposed)
            {
                return;
            }
            _pending = true;
            var now = time.GetUtcNow();
            var wait = _lastRun == DateTimeOffset.MinValue || now - _lastRun >= interval ? TimeSpan.Zero : _lastRun + interval - now;
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => _ = RunAsync(), null, wait, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }

    private async Task RunAsync()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            // Cleared before the refresh runs: a change during it asks for (and gets) another run.
            _pending = false;
            _lastRun = time.GetUtcNow();
        }
        try
        {
            await refresh();
        }
        catch (ObjectDisposedException)
        {
            // The view's circuit closed between the request and the run: nobody is left to refresh.
        }
    }
}
