namespace Portal.Abuse;

/// <summary>Whether an attempt may go ahead; when not, how long until it may, and whether the payer account's limit held.</summary>
public readonly record struct VelocityVerdict(bool IsAllowed, TimeSpan RetryAfter, bool ByAccount = false)
{
    public static readonly VelocityVerdict Allowed = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds to wait, at least one: what Retry-After and the customer's message say.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
