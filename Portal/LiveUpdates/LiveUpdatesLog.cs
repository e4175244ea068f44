namespace Portal.LiveUpdates;

internal static partial class LiveUpdatesLog
{
    [LoggerMessage(EventId = 3001, EventName = "PublishFailed", Level = LogLevel.Warning,
        Message = "A watcher of payment {PaymentId} could not be told of its change.")]
    public static partial void PublishFailed(ILogger logger, Guid paymentId, Exception exception);

    [LoggerMessage(EventId = 3002, EventName = "RefundPublishFailed", Level = LogLevel.Warning,
        Message = "A watcher of refund {RefundId} could not be told of its change.")]
    public static partial void RefundPublishFailed(ILogger logger, Guid refundId, Exception exception);
}
