namespace Portal.Abuse;

/// <summary>What the velocity limits log: which limit held and for how long; never an address or account in the clear.</summary>
internal static partial class VelocityLog
{
    [LoggerMessage(EventId = 8701, EventName = "VelocityLimited", Level = LogLevel.Warning,
        Message = "Velocity limit {Limit} held (key {Key}); retry after {RetryAfterSeconds} s")]
    public static partial void VelocityLimited(this ILogger logger, string limit, string key, int retryAfterSeconds);
}
