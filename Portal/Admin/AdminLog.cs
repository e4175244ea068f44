namespace Portal.Admin;

/// <summary>The admin portal's log events: ids and counts only, never account numbers.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 3001, EventName = "PaymentLinkCreated", Level = LogLevel.Information,
        Message = "Staff member {UserId} created payment link {CheckoutId} for merchant {MerchantId}")]
    public static partial void PaymentLinkCreated(ILogger logger, string userId, Guid checkoutId, Guid merchantId);

    [LoggerMessage(EventId = 3002, EventName = "PaymentLinkRefused", Level = LogLevel.Information,
        Message = "Payment link refused for merchant {MerchantId}: {Fields}")]
    public static partial void PaymentLinkRefused(ILogger logger, Guid merchantId, string fields);

    [LoggerMessage(EventId = 3003, EventName = "LiveUpdateFailed", Level = LogLevel.Warning,
        Message = "Applying a live update of payment {PaymentId} to an admin view failed")]
    public static partial void LiveUpdateFailed(ILogger logger, Guid paymentId, Exception exception);
}
