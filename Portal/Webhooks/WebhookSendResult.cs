namespace Portal.Webhooks;

/// <summary>What one POST came to: the status code if any, an error unless delivered, how long it took.</summary>
public sealed record WebhookSendResult(int? StatusCode, string? Error, TimeSpan Duration);
