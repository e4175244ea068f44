using Portal.Domain.Common;

namespace Portal.Domain.CrossBorder;

/// <summary>
/// The one rounding rule of a conversion, shared by the bank that quotes and settles and by Portal that shows it:
/// the merchant's amount times the rate (payer-currency units for one merchant-currency unit), rounded once to the
/// payer currency's minor units, halves away from zero. Nothing is rounded before that step, and the rate itself is
/// the exact number shown to the payer (<see cref="RoundRate"/>).
/// </summary>
public static class FxConversion
{
    /// <summary>The significant digits of every rate: the rate shown is the rate applied, digit for digit.</summary>
    public const int RateSignificantDigits = 6;

    /// <summary>
    /// What the payer pays in <paramref name="payerCurrency"/> for <paramref name="merchantAmount"/>. Refuses a rate
    /// that is not positive, an amount that converts to nothing, or one too large to store.
    /// </summary>
    public static Money Convert(Money merchantAmount, Currency payerCurrency, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(payerCurrency);
        if (rate <= 0)
        {
            throw new DomainValidationException("Rate", "A rate is more than zero.");
        }
        if (!merchantAmount.IsPositive)
        {
            throw new DomainValidationException("Amount", "Only an amount more than zero is converted.");
        }
        decimal converted;
        try
        {
            converted = decimal.Round(merchantAmount.Amount * rate, payerCurrency.MinorUnits, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            throw new DomainValidationException("Amount", "The amount is too large to convert.");
        }
        if (converted <= 0)
        {
            throw new DomainValidationException("Amount",
                $"{merchantAmount} is less than the smallest amount in {payerCurrency.Code}.");
        }
        return Money.Of(converted, payerCurrency);
    }

    /// <summary>A rate cut to <see cref="RateSignificantDigits"/> significant digits, halves away from zero.</summary>
    public static decimal RoundRate(decimal rate)
    {
        if (rate <= 0)
        {
            throw new DomainValidationException("Rate", "A rate is more than zero.");
        }
        var magnitude = (int)Math.Floor(Math.Log10((double)rate));
        var decimals = Math.Clamp(RateSignificantDigits - 1 - magnitude, 0, 28);
        var rounded = decimal.Round(rate, decimals, MidpointRounding.AwayFromZero);
        // Log10 of a value just under a power of ten can land on the wrong side; one more pass settles it.
        var check = (int)Math.Floor(Math.Log10((double)rounded));
        return check != magnitude
            ? decimal.Round(rate, Math.Clamp(RateSignificantDigits - 1 - check, 0, 28), MidpointRounding.AwayFromZero)
            : rounded;
    }

    /// <summary>
    /// The customer's rate from the mid rate and the provider's spread in basis points: the payer pays the spread
    /// (mid × (1 + spread)), rounded as every rate is (<see cref="RoundRate"/>).
    /// </summary>
    public static decimal CustomerRate(decimal midRate, int spreadBasisPoints)
    {
        if (midRate <= 0)
        {
            throw new DomainValidationException("Rate", "A mid rate is more than zero.");
        }
        if (spreadBasisPoints is < 0 or > 5_000)
        {
            throw new DomainValidationException("Spread", "A spread is 0 to 5,000 basis points.");
        }
        return RoundRate(midRate * (1m + spreadBasisPoints / 10_000m));
    }

    /// <summary>
    /// What a refund of a cross-border payment returns in the payer's currency: its share of what the payer paid, in
    /// proportion to the merchant-currency amounts, cumulatively, rounded down. The refunds of a payment together
    /// return ⌊payerPaid × merchantRefunded ÷ merchantPaid⌋, so they never return more than was paid, and refunding
    /// the whole payment returns exactly what was paid, fee included, whatever the steps. Refuses a refund whose share
    /// is nothing.
    /// </summary>
    /// <param name="merchantRefund">This refund, in the merchant's currency.</param>
    /// <param name="merchantRefundedBefore">What earlier refunds of the payment took (settled or under way), merchant's currency.</param>
    /// <param name="merchantPaid">The payment's amount, merchant's currency.</param>
    /// <param name="payerPaid">What the payer paid, fee included, payer's currency.</param>
    public static Money PayerRefund(Money merchantRefund, Money merchantRefundedBefore, Money merchantPaid, Money payerPaid)
    {
        if (!merchantRefund.IsPositive || merchantRefundedBefore.MinorUnits < 0 || !merchantPaid.IsPositive || !payerPaid.IsPositive)
        {
            throw new DomainValidationException("Amount", "A refund is more than zero.");
        }
        var after = merchantRefundedBefore + merchantRefund;
        if (after > merchantPaid)
        {
            throw new DomainValidationException("Amount", $"At most {merchantPaid - merchantRefundedBefore} can still be refunded.");
        }
        var share = PayerShare(payerPaid, after, merchantPaid) - PayerShare(payerPaid, merchantRefundedBefore, merchantPaid);
        if (share <= 0)
        {
            throw new DomainValidationException("Amount",
                $"{merchantRefund} returns less than the smallest amount in {payerPaid.Currency.Code}; refund a larger amount.");
        }
        return Money.FromMinorUnits(share, payerPaid.Currency);
    }

    // ⌊payerPaid × part ÷ whole⌋ in minor units; Int128 so that no product of two stored amounts overflows.
    private static long PayerShare(Money payerPaid, Money part, Money whole) =>
        (long)((Int128)payerPaid.MinorUnits * part.MinorUnits / whole.MinorUnits);
}
