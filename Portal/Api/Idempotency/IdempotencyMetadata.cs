namespace Portal.Api.Idempotency;

/// <summary>Marks an endpoint that takes an Idempotency-Key, for the OpenAPI document to describe the header.</summary>
public sealed class IdempotencyMetadata;
