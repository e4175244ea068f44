namespace Portal.Admin.Payments;

/// <summary>The payments list's log events.</summary>
internal static partial class PaymentListLog
{
    [LoggerMessage(EventId = 3151, EventName = "PaymentListLiveReloadFailed", Level = LogLevel.Warning,
        Message = "Reloading the payments list after a live update failed")]
    public static partial void LiveReloadFailed(ILogger logger, Exception exception);
}
