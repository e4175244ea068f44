using Microsoft.Extensions.Logging;

namespace DemoShop.Webhooks;

internal static partial class ShopLog
{
    [LoggerMessage(EventId = 1, EventName = "SignatureRejected", Level = LogLevel.Warning,
        Message = "A webhook was refused: its Portal-Signature is missing, wrong or too old")]
    public static partial void SignatureRejected(ILogger logger);

    [LoggerMessage(EventId = 2, EventName = "EventRepeated", Level = LogLevel.Information,
        Message = "Event {EventId} was handled before; acknowledged again")]
    public static partial void EventRepeated(ILogger logger, string eventId);

    [LoggerMessage(EventId = 3, EventName = "EventIgnored", Level = LogLevel.Information,
        Message = "Event {EventId} ({EventType}) is about no order of this shop")]
    public static partial void EventIgnored(ILogger logger, string eventId, string eventType);

    [LoggerMessage(EventId = 4, EventName = "OrderUpdated", Level = LogLevel.Information,
        Message = "Order {OrderNumber} updated by {EventType} (event {EventId})")]
    public static partial void OrderUpdated(ILogger logger, string orderNumber, string eventType, string eventId);
}
