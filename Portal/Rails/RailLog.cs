using Portal.Domain.Rails;

namespace Portal.Rails;

/// <summary>The rail client's log lines: order ids, statuses and signature outcomes; never a secret or an account.</summary>
public static partial class RailLog
{
    [LoggerMessage(EventId = 4001, EventName = "RailCallbackRecorded", Level = LogLevel.Information,
        Message = "Rail callback for order {OrderId} said {RailStatus}; the payment or refund is {Status}")]
    public static partial void CallbackRecorded(this ILogger logger, Guid orderId, RailOrderStatus railStatus, string status);

    [LoggerMessage(EventId = 4002, EventName = "RailCallbackRefused", Level = LogLevel.Warning,
        Message = "Refused a rail callback: {Check}")]
    public static partial void CallbackRefused(this ILogger logger, SignatureCheck check);

    [LoggerMessage(EventId = 4003, EventName = "RailCallbackUnknownOrder", Level = LogLevel.Warning,
        Message = "A signed rail callback named order {OrderId}, which no payment or refund has")]
    public static partial void CallbackForUnknownOrder(this ILogger logger, Guid orderId);
}
