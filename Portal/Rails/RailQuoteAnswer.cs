namespace Portal.Rails;

/// <summary>The FX provider's signed quote, as read from the wire; every field is checked before it becomes a quote.</summary>
internal sealed record RailQuoteAnswer(
    string? QuoteId,
    string? MerchantAccount,
    string? Amount,
    string? Currency,
    string? PayerCurrency,
    string? PayerAmount,
    string? Fee,
    string? Rate,
    DateTimeOffset? QuotedAt,
    DateTimeOffset? ExpiresAt);
