namespace Portal.Bus;

internal static partial class BusLog
{
    [LoggerMessage(EventId = 3101, EventName = "BusConnected", Level = LogLevel.Information,
        Message = "The bus (Redis) is connected; live updates and wake-ups reach the other instances.")]
    public static partial void Connected(ILogger logger);

    [LoggerMessage(EventId = 3102, EventName = "BusLost", Level = LogLevel.Warning,
        Message = "The bus (Redis) is unreachable ({FailureType}); this instance's pages follow the database until it returns.")]
    public static partial void Lost(ILogger logger, string failureType);

    [LoggerMessage(EventId = 3103, EventName = "BusRestored", Level = LogLevel.Information,
        Message = "The bus (Redis) is back; pages catch up on what changed meanwhile.")]
    public static partial void Restored(ILogger logger);

    [LoggerMessage(EventId = 3104, EventName = "BusHandlerFailed", Level = LogLevel.Warning,
        Message = "A message on {Topic} could not be handled.")]
    public static partial void HandlerFailed(ILogger logger, BusTopic topic, Exception exception);

    [LoggerMessage(EventId = 3105, EventName = "BusSubscribeFailed", Level = LogLevel.Warning,
        Message = "Could not subscribe to {Topic} yet; trying again.")]
    public static partial void SubscribeFailed(ILogger logger, BusTopic topic, Exception exception);

    [LoggerMessage(EventId = 3106, EventName = "BackplaneStopFailed", Level = LogLevel.Information,
        Message = "The hub's Redis backplane could not unsubscribe while stopping ({Error}); Redis drops the subscriptions with the connection.")]
    public static partial void BackplaneStopFailed(ILogger logger, string error);
}
