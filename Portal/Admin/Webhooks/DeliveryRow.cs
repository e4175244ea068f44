using Portal.Webhooks;

namespace Portal.Admin.Webhooks;

/// <summary>One delivery as the webhooks page lists it.</summary>
public sealed record DeliveryRow(
    Guid Id,
    Guid EventId,
    string EventType,
    string EndpointUrl,
    WebhookDeliveryStatus Status,
    int? LastStatusCode,
    string? LastError,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt);
