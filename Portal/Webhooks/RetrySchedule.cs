namespace Portal.Webhooks;

/// <summary>
/// Exponential backoff with jitter: base × 2^(attempts−1), capped, then scaled by a random 0.75–1.25 so that many
/// deliveries failing together (an endpoint down) do not all come back at the same instant.
/// With the defaults: about 1, 2, 4, 8 … minutes, then every 6 hours, for 3 days (about 20 attempts).
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan After(int attempts, TimeSpan retryBase, TimeSpan max, Random random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(retryBase.Ticks * Math.Pow(2, exponent), max.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (0.75 + (random.NextDouble() * 0.5))));
    }
}
