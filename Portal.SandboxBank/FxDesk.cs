using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;

namespace Portal.SandboxBank;

/// <summary>
/// The bank as FX provider: quotes a payment in the payer's currency at its customer rate (mid rate and spread) plus
/// its fee, and keeps the quote for the order that will spend it. Rounding is the domain's
/// (<see cref="FxConversion"/>); the payer's currency comes from the account-number ranges alone.
/// </summary>
public sealed class FxDesk(
    IDbContextFactory<SandboxBankDbContext> databases,
    BankWriteGate writeGate,
    IOptionsMonitor<FxOptions> options,
    TimeProvider time,
    ILogger<FxDesk> logger)
{
    /// <summary>
    /// How long an unused quote is kept after it expired (an order that late is refused as an unknown quote rather than an
    /// expired one). Spent quotes stay with their orders.
    /// </summary>
    public static readonly TimeSpan UnusedQuoteRetention = TimeSpan.FromDays(1);

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    /// <summary>
    /// A quote for paying <paramref name="amount"/> to <paramref name="merchantAccount"/> from an account in
    /// <paramref name="payerAccount"/>'s range. Throws <see cref="DomainValidationException"/> when the amount converts
    /// to nothing or to more than can be stored.
    /// </summary>
    public async Task<(FxQuoteOutcome Outcome, FxQuote? Quote)> QuoteAsync(AccountNumber payerAccount,
        AccountNumber merchantAccount, Money amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payerAccount);
        ArgumentNullException.ThrowIfNull(merchantAccount);
        var fx = options.CurrentValue;
        // The range, never the account: an anonymous customer types the number, and the answer must not say whether it exists.
        if (fx.RangeCurrency(payerAccount.Value) is not { } payerCurrency || payerCurrency == amount.Currency)
        {
            return (FxQuoteOutcome.NoConversion, null);
        }
        if (fx.MidRate(amount.Currency) is not { } merchantValue || fx.MidRate(payerCurrency) is not { } payerValue)
        {
            logger.QuotePairNotSupported(payerCurrency.Code, amount.Currency.Code);
            return (FxQuoteOutcome.PairNotSupported, null);
        }

        // Payer-currency units for one merchant-currency unit.
        var rate = FxConversion.CustomerRate(merchantValue / payerValue, fx.SpreadFor(payerCurrency, amount.Currency));
        var payerAmount = FxConversion.Convert(amount, payerCurrency, rate);
        var fee = fx.FeeFor(payerCurrency);
        if (payerAmount.MinorUnits > long.MaxValue - fee.MinorUnits)
        {
            throw new DomainValidationException("Amount", "The amount is too large to convert.");
        }
        var quotedAt = time.GetUtcNow();
        var quote = FxQuote.Create("q_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), amount,
            payerAmount, fee, rate, quotedAt, quotedAt + fx.QuoteLifetime);

        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Quotes.Add(new BankQuote
        {
            QuoteId = quote.QuoteId,
            MerchantAccount = merchantAccount.Value,
            AmountMinorUnits = amount.MinorUnits,
            CurrencyCode = amount.Currency.Code,
            PayerCurrencyCode = payerCurrency.Code,
            PayerAmountMinorUnits = quote.PayerAmount.MinorUnits,
            FeeMinorUnits = quote.Fee.MinorUnits,
            Rate = rate,
            QuotedAt = quote.QuotedAt,
            ExpiresAt = quote.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        // Most quotes are looked at and never paid: without a purge the table would grow with every typed account number.
        if (quotedAt >= _nextPurge)
        {
            _nextPurge = quotedAt + PurgeInterval;
            var before = quotedAt - UnusedQuoteRetention;
            await db.Quotes.Where(q => q.UsedByOrderId == null && q.ExpiresAt < before).ExecuteDeleteAsync(cancellationToken);
        }
        logger.Quoted(quote.QuoteId, amount.MinorUnits, amount.Currency.Code, quote.PayerTotal.MinorUnits, payerCurrency.Code);
        return (FxQuoteOutcome.Quoted, quote);
    }

    /// <summary>The mid rates the bank publishes, by currency code, with its default spread and quote lifetime.</summary>
    public FxRatesAnswer PublishedRates()
    {
        var fx = options.CurrentValue;
        var rates = fx.MidRates
            .Where(r => !string.Equals(r.Key, FxOptions.BaseCurrency, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new FxRatesAnswerLine(r.Key.ToUpperInvariant(), r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return new FxRatesAnswer(FxOptions.BaseCurrency, rates, fx.SpreadBasisPoints, fx.QuoteLifetime);
    }
}
