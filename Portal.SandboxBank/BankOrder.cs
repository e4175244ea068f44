namespace Portal.SandboxBank;

/// <summary>
/// Every signed order the bank received, settled or rejected, so that a query always answers what the bank decided.
/// Its primary key is the sender's order id: the database itself refuses a second order with the same id.
/// </summary>
public sealed class BankOrder
{
    public Guid OrderId { get; init; }

    public BankOrderKind Kind { get; init; }

    public required string PayerAccount { get; init; }

    public required string MerchantAccount { get; init; }

    public long AmountMinorUnits { get; init; }

    public required string CurrencyCode { get; init; }

    public required string Reference { get; init; }

    public BankOrderStatus Status { get; set; }

    public string? ReasonCode { get; set; }

    public string? ReasonMessage { get; set; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it passed verification (step 5); null for an order refused there.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>When the bank reached its final decision.</summary>
    public DateTimeOffset? ProcessedAt { get; set; }

    public Guid? LedgerTransactionId { get; set; }

    /// <summary>The payment a refund gives back; null for a payment.</summary>
    public Guid? OriginalOrderId { get; init; }

    /// <summary>Where a fast order's result is POSTed once settled; null for a real-time order.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>The quote a cross-border payment spends; null for an order in one currency and for refunds.</summary>
    public string? QuoteId { get; init; }

    /// <summary>
    /// What moves on the payer's side of a cross-border order, in <see cref="PayerCurrencyCode"/>: a payment's quoted
    /// total (fee included), a refund's share of it. Null for an order in one currency.
    /// </summary>
    public long? PayerAmountMinorUnits { get; set; }

    public string? PayerCurrencyCode { get; set; }

    /// <summary>Payer-currency units for one merchant-currency unit: the quote's, or the original payment's for a refund.</summary>
    public decimal? Rate { get; set; }

    /// <summary>Whether the payer's side moves in another currency than the merchant's.</summary>
    public bool IsCrossBorder => PayerAmountMinorUnits is not null && PayerCurrencyCode is not null;
}
