namespace Portal.Webhooks;

/// <summary>Ids, codes and reasons only: never a secret, a signature or a body.</summary>
internal static partial class WebhooksLog
{
    [LoggerMessage(EventId = 6001, EventName = "WebhookDelivered", Level = LogLevel.Debug,
        Message = "Webhook delivery {DeliveryId} of event {EventId} reached endpoint {EndpointId} at attempt {Attempts}.")]
    public static partial void Delivered(ILogger logger, Guid deliveryId, Guid eventId, Guid endpointId, int attempts);

    [LoggerMessage(EventId = 6002, EventName = "WebhookAttemptFailed", Level = LogLevel.Information,
        Message = "Webhook delivery {DeliveryId} of event {EventId} to endpoint {EndpointId} failed at attempt {Attempts} ({StatusCode}): {Reason} Now {Status}.")]
    public static partial void AttemptFailed(ILogger logger, Guid deliveryId, Guid eventId, Guid endpointId, int attempts, int? statusCode,
        string reason, string status);

    [LoggerMessage(EventId = 6003, EventName = "WebhookRoundFailed", Level = LogLevel.Error,
        Message = "A webhook dispatch round failed; the next round tries again.")]
    public static partial void RoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, EventName = "WebhookAttemptCrashed", Level = LogLevel.Error,
        Message = "Webhook delivery {DeliveryId} could not be attempted; it is tried again when due.")]
    public static partial void AttemptCrashed(ILogger logger, Guid deliveryId, Exception exception);
}
