using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// One more log provider for an app under test: keeps every record it is given (with the message's named values) so a
/// test can wait for one the app writes when its work in the background is done. Add it with a filter of its own to
/// see the Information records of a category the app's Warning minimum would drop.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly List<LogRecord> _records = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many records there are so far: a test that waits for a record of its own only looks after these.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>
    /// The first record after the first <paramref name="after"/> that <paramref name="matches"/> admits, as soon as it is
    /// written; the deadline only ends a test whose record never comes.
    /// </summary>
    public async Task<LogRecord> WaitForAsync(Func<LogRecord, bool> matches, int after = 0, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(matches);
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            Task next;
            LogRecord[] written;
            lock (_lock)
            {
                next = _next.Task;
                written = [.. _records.Skip(after)];
            }
            if (written.FirstOrDefault(matches) is { } found)
            {
                return found;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException("The expected log record was not written in time.");
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    private void Keep(LogRecord record)
    {
        TaskCompletionSource written;
        lock (_lock)
        {
            _records.Add(record);
            written = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        written.SetResult();
    }

    private sealed class Category(LogRecorder recorder, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Keep(new LogRecord(name, logLevel, eventId.Name, formatter(state, exception),
                state is IEnumerable<KeyValuePair<string, object?>> values ? values.ToDictionary(v => v.Key, v => v.Value) : []));
    }
}
