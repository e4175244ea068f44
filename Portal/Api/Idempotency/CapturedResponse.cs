namespace Portal.Api.Idempotency;

/// <summary>An answer as the client received it: what a replay sends again, byte for byte.</summary>
public sealed record CapturedResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);
