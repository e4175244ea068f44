namespace Portal.Api.Resources;

/// <summary>Why a payment or refund failed: a stable code and words a customer can be shown.</summary>
public sealed record FailureResource(string Code, string Message, int? Step);
