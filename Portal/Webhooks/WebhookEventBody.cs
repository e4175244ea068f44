namespace Portal.Webhooks;

/// <summary>The JSON every webhook carries: <c>{ "id", "object": "event", "type", "createdAt", "data" }</c>.</summary>
/// <param name="Data">The checkout, payment or refund resource, serialized by its runtime type.</param>
public sealed record WebhookEventBody(Guid Id, string Object, string Type, DateTimeOffset CreatedAt, object Data);
