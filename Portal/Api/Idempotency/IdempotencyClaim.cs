namespace Portal.Api.Idempotency;

/// <summary>What claiming a key found: the key is ours, a finished twin to replay, a twin with another body, or one still running.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    public sealed record Claimed(Guid RecordId) : IdempotencyClaim;

    public sealed record Finished(CapturedResponse Response) : IdempotencyClaim;

    public sealed record Reused : IdempotencyClaim;

    public sealed record InFlight : IdempotencyClaim;
}
