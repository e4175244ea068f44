namespace Portal.Audit;

/// <summary>The audit log's own log events.</summary>
internal static partial class AuditLogEvents
{
    [LoggerMessage(EventId = 9101, EventName = "AuditEntryLost", Level = LogLevel.Error,
        Message = "An audit entry {Action} for merchant {MerchantId} could not be written")]
    public static partial void EntryLost(ILogger logger, string action, Guid? merchantId, Exception exception);
}
