namespace Portal.Rails;

/// <summary>The rail's signed answer about an order, as read from the wire.</summary>
internal sealed record RailOrderAnswer(
    Guid OrderId,
    string? Status,
    string? ReasonCode,
    string? ReasonMessage,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ProcessedAt,
    string? RailReference,
    string? PayerAmount = null,
    string? PayerCurrency = null);
