namespace Portal.Tests.Infrastructure;

/// <summary>One POST as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string EventId, string EventType, string Signature, string? ContentType, string Body, ReceiverAnswer Answer);
