namespace Portal.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first attempt or for a retry.</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Still failing when its retry time ran out (or its endpoint was disabled); a redelivery can try again.</summary>
    Failed,
}
