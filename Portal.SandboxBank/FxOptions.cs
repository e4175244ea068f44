using System.ComponentModel.DataAnnotations;
using Portal.Domain.Common;

namespace Portal.SandboxBank;

/// <summary>
/// The bank as FX provider (section <c>SandboxBank:Fx</c>): the mid rates it publishes, its spread and fees, how long
/// a quote holds, and the account-number ranges that tell it an account's currency without looking the account up.
/// </summary>
public sealed class FxOptions : IValidatableObject
{
    public const string Section = "SandboxBank:Fx";

    /// <summary>The currency every mid rate is given in.</summary>
    public const string BaseCurrency = "CNY";

    /// <summary>
    /// The value of one unit of each currency in CNY (CNY itself is 1), e.g. <c>SandboxBank:Fx:MidRates:USD=7.1856</c>.
    /// A pair with a currency not here is not supported. Defaults to USD 7.1856, EUR 7.7820, GBP 9.0790, HKD 0.92194,
    /// JPY 0.047963.
    /// </summary>
    public Dictionary<string, decimal> MidRates { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = 7.1856m,
        ["EUR"] = 7.7820m,
        ["GBP"] = 9.0790m,
        ["HKD"] = 0.92194m,
        ["JPY"] = 0.047963m,
    };

    /// <summary>The bank's margin over the mid rate, paid by the payer, in basis points. Defaults to 50.</summary>
    [Range(0, 5_000)]
    public int SpreadBasisPoints { get; set; } = 50;

    /// <summary>
    /// Spreads for particular pairs, keyed payer-merchant (<c>SandboxBank:Fx:Spreads:USD-CNY=30</c>), in basis points.
    /// Defaults to none: <see cref="SpreadBasisPoints"/> for every pair.
    /// </summary>
    public Dictionary<string, int> Spreads { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A fixed fee per conversion, by payer currency, in that currency (<c>SandboxBank:Fx:Fees:USD=0.50</c>).
    /// Defaults to none: no fee.
    /// </summary>
    public Dictionary<string, decimal> Fees { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a quote is honoured after it was given. Defaults to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan QuoteLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The currency of each 6-digit account-number range, as a card network's BIN table: the bank quotes from this
    /// alone, so a quote never tells whether an account exists. Defaults to 620000 CNY, 620100 USD, 620200 EUR,
    /// 620300 GBP, 620400 HKD, 620500 JPY.
    /// </summary>
    public Dictionary<string, string> AccountRanges { get; set; } = new(StringComparer.Ordinal)
    {
        ["620000"] = "CNY",
        ["620100"] = "USD",
        ["620200"] = "EUR",
        ["620300"] = "GBP",
        ["620400"] = "HKD",
        ["620500"] = "JPY",
    };

    /// <summary>The currency of an account number's range; null for a number in no range.</summary>
    public Currency? RangeCurrency(string accountNumber)
    {
        ArgumentNullException.ThrowIfNull(accountNumber);
        return accountNumber.Length >= 6 && AccountRanges.TryGetValue(accountNumber[..6], out var code) &&
               Currency.TryFind(code, out var currency)
            ? currency
            : null;
    }

    /// <summary>The value of one unit of <paramref name="currency"/> in CNY; null when the bank has no rate for it.</summary>
    public decimal? MidRate(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency.Code == BaseCurrency ? 1m : MidRates.TryGetValue(currency.Code, out var rate) ? rate : null;
    }

    /// <summary>The spread for a pair: its own (<see cref="Spreads"/>) or the bank's.</summary>
    public int SpreadFor(Currency payerCurrency, Currency merchantCurrency)
    {
        ArgumentNullException.ThrowIfNull(payerCurrency);
        ArgumentNullException.ThrowIfNull(merchantCurrency);
        return Spreads.TryGetValue($"{payerCurrency.Code}-{merchantCurrency.Code}", out var spread) ? spread : SpreadBasisPoints;
    }

    /// <summary>The fee for a conversion paid in <paramref name="payerCurrency"/>; zero when none is set.</summary>
    public Money FeeFor(Currency payerCurrency)
    {
        ArgumentNullException.ThrowIfNull(payerCurrency);
        return Fees.TryGetValue(payerCurrency.Code, out var fee) ? Money.Of(fee, payerCurrency) : Money.Zero(payerCurrency);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (code, rate) in MidRates)
        {
            if (!Currency.TryFind(code, out var currency) || currency.Code != code.ToUpperInvariant())
            {
                yield return Problem($"{Section}:MidRates:{code} is not a supported ISO 4217 code.", nameof(MidRates));
            }
            else if (rate <= 0 || (currency.Code == BaseCurrency && rate != 1m))
            {
                yield return Problem($"{Section}:MidRates:{code} is more than zero (and 1 for {BaseCurrency}, the base).",
                    nameof(MidRates));
            }
        }
        foreach (var (pair, spread) in Spreads)
        {
            var codes = pair.Split('-');
            if (codes.Length != 2 || !codes.All(c => Currency.TryFind(c, out _)) || spread is < 0 or > 5_000)
            {
                yield return Problem($"{Section}:Spreads:{pair} names a pair as USD-CNY (payer-merchant) and is 0 to 5,000 basis points.",
                    nameof(Spreads));
            }
        }
        foreach (var (code, fee) in Fees)
        {
            if (!Currency.TryFind(code, out var currency) || fee < 0 || decimal.Round(fee, currency.MinorUnits) != fee)
            {
                yield return Problem($"{Section}:Fees:{code} is a known currency's amount, not negative, with at most its decimals.",
                    nameof(Fees));
            }
        }
        foreach (var (prefix, code) in AccountRanges)
        {
            if (prefix.Length != 6 || !prefix.All(char.IsAsciiDigit) || !Currency.TryFind(code, out _))
            {
                yield return Problem($"{Section}:AccountRanges:{prefix} is six digits and names a supported ISO 4217 code.",
                    nameof(AccountRanges));
            }
        }
    }

    private static ValidationResult Problem(string message, string member) => new(message, [member]);
}
