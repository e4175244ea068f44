using Portal.Domain.Common;

namespace Portal.Domain.CrossBorder;

/// <summary>
/// An FX provider's promise: the payer pays <see cref="PayerTotal"/> in their account's currency and the merchant
/// receives <see cref="MerchantAmount"/> in theirs, at <see cref="Rate"/>, if the order carrying <see cref="QuoteId"/>
/// arrives before <see cref="ExpiresAt"/>. The payer sees every part of it before anything moves.
/// </summary>
public sealed record FxQuote(
    string QuoteId,
    Money MerchantAmount,
    Money PayerAmount,
    Money Fee,
    decimal Rate,
    DateTimeOffset QuotedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The longest quote id a rail may give; longer ones are refused rather than cut.</summary>
    public const int MaxQuoteIdLength = 64;

    public Currency PayerCurrency => PayerAmount.Currency;

    /// <summary>What leaves the payer's account: the converted amount and the fee.</summary>
    public Money PayerTotal => PayerAmount + Fee;

    /// <summary>Whether the quote may no longer be used: at its expiry it is over.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>
    /// Checks that a quote is whole and consistent: currencies differ, the fee is in the payer's currency and not
    /// negative, the payer amount is exactly the conversion rule's (<see cref="FxConversion.Convert"/>) and the expiry
    /// comes after the quote. A rail's answer that fails this is not a quote Portal can show.
    /// </summary>
    public static FxQuote Create(string quoteId, Money merchantAmount, Money payerAmount, Money fee, decimal rate,
        DateTimeOffset quotedAt, DateTimeOffset expiresAt)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(quoteId) || quoteId.Length > MaxQuoteIdLength)
        {
            errors.Add("Quote", $"A quote id has 1 to {MaxQuoteIdLength} characters.");
        }
        if (payerAmount.Currency == merchantAmount.Currency)
        {
            errors.Add("Quote", "A quote converts between two currencies.");
        }
        if (fee.Currency != payerAmount.Currency || fee.MinorUnits < 0)
        {
            errors.Add("Quote", "A quote's fee is in the payer's currency and not negative.");
        }
        if (expiresAt <= quotedAt)
        {
            errors.Add("Quote", "A quote expires after it was given.");
        }
        errors.ThrowIfAny();
        if (FxConversion.Convert(merchantAmount, payerAmount.Currency, rate) != payerAmount)
        {
            throw new DomainValidationException("Quote", "The quote's amount is not its rate applied to the amount.");
        }
        return new FxQuote(quoteId, merchantAmount, payerAmount, fee, rate, quotedAt, expiresAt);
    }
}
