namespace Portal.Api.Resources;

/// <summary>
/// The payer's side of a cross-border payment: what they paid in their account's currency (fee included), the fee, the
/// rate they confirmed (payer-currency units for one unit of the payment's currency, six significant digits) and the
/// FX quote's id and time. Amounts are decimal strings with exactly their currency's decimals.
/// </summary>
public sealed record ConversionResource(
    string PayerCurrency,
    string PayerAmount,
    string Fee,
    string Rate,
    string QuoteId,
    DateTimeOffset QuotedAt)
{
    public static ConversionResource? Of(Domain.CrossBorder.FxQuote? quote) => quote is null
        ? null
        : new ConversionResource(quote.PayerCurrency.Code, MoneyAmount.Of(quote.PayerTotal), MoneyAmount.Of(quote.Fee),
            quote.Rate.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture), quote.QuoteId, quote.QuotedAt);
}
