namespace Portal.SandboxBank;

/// <summary>
/// A quote the bank gave, kept so that the order carrying it pays exactly what was promised, once: the order that
/// spends it is written in <see cref="UsedByOrderId"/>, which a unique index and a conditional update keep to one.
/// </summary>
public sealed class BankQuote
{
    public required string QuoteId { get; init; }

    public required string MerchantAccount { get; init; }

    public long AmountMinorUnits { get; init; }

    public required string CurrencyCode { get; init; }

    public required string PayerCurrencyCode { get; init; }

    /// <summary>The converted amount, without the fee.</summary>
    public long PayerAmountMinorUnits { get; init; }

    public long FeeMinorUnits { get; init; }

    /// <summary>Payer-currency units for one merchant-currency unit, as quoted.</summary>
    public decimal Rate { get; init; }

    public DateTimeOffset QuotedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The order that spent the quote; null while it is unused.</summary>
    public Guid? UsedByOrderId { get; set; }

    /// <summary>What leaves the payer's account: the converted amount and the fee.</summary>
    public long PayerTotalMinorUnits => PayerAmountMinorUnits + FeeMinorUnits;
}
