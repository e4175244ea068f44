namespace Portal.Api.Idempotency;

internal static partial class IdempotencyLog
{
    [LoggerMessage(EventId = 6101, EventName = "IdempotencyKeysPurged", Level = LogLevel.Information,
        Message = "Purged {Count} expired idempotency keys")]
    public static partial void KeysPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 6102, EventName = "IdempotencyPurgeFailed", Level = LogLevel.Warning,
        Message = "Purging expired idempotency keys failed; the next round tries again")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6103, EventName = "IdempotencyKeyReleased", Level = LogLevel.Warning,
        Message = "Released idempotency key of merchant {MerchantId} after the request failed with {StatusCode}")]
    public static partial void KeyReleased(ILogger logger, Guid merchantId, int statusCode);
}
