namespace Portal.LiveUpdates;

internal static partial class LiveUpdatesLog
{
    [LoggerMessage(EventId = 3001, EventName = "PublishFailed", Level = LogLevel.Warning,
        Message = "A watcher of payment {PaymentId} could not be told of its change.")]
    public static partial void PublishFailed(ILogger logger, Guid paymentId, Exception exception);

    [LoggerMessage(EventId = 3002, EventName = "RefundPublishFailed", Level = LogLevel.Warning,
        Message = "A watcher of refund {RefundId} could not be told of its change.")]
    public static partial void RefundPublishFailed(ILogger logger, Guid refundId, Exception exception);

    [LoggerMessage(EventId = 3003, EventName = "RelayFailed", Level = LogLevel.Warning,
        Message = "{Count} changes from other instances could not be read for this instance's pages.")]
    public static partial void RelayFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 3004, EventName = "CatchUpFailed", Level = LogLevel.Warning,
        Message = "Could not read what changed while the bus was down; trying again.")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception);
}
