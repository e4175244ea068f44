using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>One payment as the CSV export writes it: read straight from the database, never the full account number.</summary>
public sealed record PaymentExportRow(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    PaymentMethod Method,
    PaymentStatus Status,
    long AmountMinorUnits,
    string CurrencyCode,
    string? PayerAccountMasked,
    string? Reference,
    string? FailureCode,
    string? FailureMessage,
    string? PayerCurrencyCode = null,
    long? PayerAmountMinorUnits = null,
    long? PayerFeeMinorUnits = null,
    decimal? FxRate = null,
    string? QuoteId = null)
{
    /// <summary>What the payer paid in their currency, fee included, when the payment was cross-border.</summary>
    public Money? PayerTotal => PayerCurrencyCode is null || PayerAmountMinorUnits is null
        ? null
        : Money.FromMinorUnits(PayerAmountMinorUnits.Value + (PayerFeeMinorUnits ?? 0), PayerCurrencyCode);

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, CurrencyCode);

    /// <summary>Step 1 → step 6, for payments the rail settled.</summary>
    public TimeSpan? Duration => CompletedAt - StartedAt;
}
