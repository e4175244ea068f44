namespace Portal.Data;

/// <summary>
/// What Portal last learnt of its database: reachable with its schema current (ready to serve), unreachable, or behind
/// this build's migrations. Startup sets it and keeps it current while the database is not ready; readiness and the
/// schema gate read it. The database itself is always the truth: this only says why Portal is not serving.
/// </summary>
public sealed class DatabaseStatus
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Snapshot _current = new(DatabaseState.Unknown, "Portal has not reached its database yet.");

    public DatabaseState State => _current.State;

    /// <summary>Why it is not ready, in a sentence an operator can act on (no connection string, no secret).</summary>
    public string Reason => _current.Reason;

    public bool IsReady => State == DatabaseState.Ready;

    public void Set(DatabaseState state, string reason)
    {
        _current = new Snapshot(state, reason);
        if (state == DatabaseState.Ready)
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>
    /// Completes once the database was first ready: background work that needs the schema waits for it, instead of
    /// failing on every round while Portal waits for its database or its migrations.
    /// </summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    private sealed record Snapshot(DatabaseState State, string Reason);
}

public enum DatabaseState
{
    Unknown,
    Unreachable,
    SchemaBehind,
    Ready,
}
