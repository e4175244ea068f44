using Portal.Webhooks;

namespace Portal.Admin.Webhooks;

/// <summary>A new endpoint and its signing secret, which exists in clear only here, once.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret);
