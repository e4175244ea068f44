using System.Globalization;
using Portal.Domain.CrossBorder;

namespace Portal.SandboxBank;

/// <summary>
/// The bank's signed quote: <see cref="Amount"/> in <see cref="Currency"/> reaches the merchant when the payer pays
/// <see cref="PayerAmount"/> and <see cref="Fee"/> in <see cref="PayerCurrency"/>, if the order carrying
/// <see cref="QuoteId"/> arrives before <see cref="ExpiresAt"/>. Amounts in the wire format, with exactly their
/// currency's decimals; the rate as an invariant decimal (payer-currency units for one merchant-currency unit).
/// </summary>
public sealed record FxQuoteAnswer(
    string QuoteId,
    string MerchantAccount,
    string Amount,
    string Currency,
    string PayerCurrency,
    string PayerAmount,
    string Fee,
    string Rate,
    DateTimeOffset QuotedAt,
    DateTimeOffset ExpiresAt)
{
    public static FxQuoteAnswer From(FxQuote quote, string merchantAccount)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(merchantAccount);
        return new FxQuoteAnswer(quote.QuoteId, merchantAccount, quote.MerchantAmount.ToAmountString(),
            quote.MerchantAmount.Currency.Code, quote.PayerCurrency.Code, quote.PayerAmount.ToAmountString(),
            quote.Fee.ToAmountString(), quote.Rate.ToString(CultureInfo.InvariantCulture), quote.QuotedAt, quote.ExpiresAt);
    }
}
