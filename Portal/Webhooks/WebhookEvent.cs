namespace Portal.Webhooks;

/// <summary>
/// One event in the outbox, written in the same transaction as the change it reports. <see cref="Payload"/> is the
/// exact body every delivery sends (and signs), so a retry or a redelivery carries the same bytes and the same id.
/// </summary>
public sealed class WebhookEvent
{
    public Guid Id { get; init; }

    public Guid MerchantId { get; init; }

    public string Type { get; init; } = "";

    /// <summary>The id of the checkout, payment or refund the event is about.</summary>
    public Guid ObjectId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The event's JSON body: <c>{ id, object, type, createdAt, data }</c>.</summary>
    public string Payload { get; init; } = "";

    /// <summary>When the dispatcher created its deliveries (one per subscribed endpoint); null while still to do.</summary>
    public DateTimeOffset? FannedOutAt { get; set; }
}
