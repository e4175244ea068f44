using System.Globalization;

namespace Portal.Domain.Common;

/// <summary>
/// An exact amount in one ISO 4217 currency. The factory refuses more decimals than the currency has minor
/// units, so every Money is a whole number of minor units and is stored as one.
/// </summary>
public readonly record struct Money
{
    private Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency;
    }

    /// <summary>The amount in the currency's smallest unit (fen for CNY, yen for JPY).</summary>
    public long MinorUnits { get; }

    public Currency Currency { get; }

    /// <summary>The amount with exactly the currency's number of decimals (12.50, not 12.5).</summary>
    public decimal Amount => new(
        (int)(ulong)Math.Abs(MinorUnits),
        (int)((ulong)Math.Abs(MinorUnits) >> 32),
        0,
        MinorUnits < 0,
        (byte)Currency.MinorUnits);

    public bool IsPositive => MinorUnits > 0;

    public static Money Of(decimal amount, string currencyCode) => Of(amount, Currency.FromCode(currencyCode));

    public static Money Of(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (decimal.Round(amount, currency.MinorUnits) != amount)
        {
            throw new DomainValidationException("Amount",
                currency.MinorUnits == 0
                    ? $"{currency.Code} amounts have no decimal places."
                    : $"{currency.Code} amounts have at most {currency.MinorUnits} decimal places.");
        }
        if (!IsStorable(amount, currency))
        {
            throw new DomainValidationException("Amount", "The amount is too large.");
        }
        return new Money(decimal.ToInt64(amount * Scale(currency)), currency);
    }

    public static Money FromMinorUnits(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(minorUnits, currency);
    }

    public static Money FromMinorUnits(long minorUnits, string currencyCode) =>
        FromMinorUnits(minorUnits, Currency.FromCode(currencyCode));

    /// <summary>Parses the wire format ("12.50") strictly: invariant digits, optional sign and point, nothing else.</summary>
    public static bool TryParse(string? text, Currency currency, out Money money)
    {
        money = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32 ||
            !decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var amount) ||
            decimal.Round(amount, currency.MinorUnits) != amount ||
            !IsStorable(amount, currency))
        {
            return false;
        }
        money = Of(amount, currency);
        return true;
    }

    public static Money Zero(Currency currency) => new(0, currency);

    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits + right.MinorUnits), left.Currency);
    }

    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(checked(left.MinorUnits - right.MinorUnits), left.Currency);
    }

    public static Money operator -(Money value) => new(-value.MinorUnits, value.Currency);

    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;
    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;
    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;
    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    /// <summary>Invariant digits with exactly the currency's decimals ("12.50"): the wire format.</summary>
    public string ToAmountString() => Amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>The amount as people of a culture read it, with the currency code ("CNY 1,234.50").</summary>
    public string Format(IFormatProvider? culture = null) =>
        $"{Currency.Code} {Amount.ToString("N" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), culture ?? CultureInfo.CurrentCulture)}";

    public override string ToString() => $"{ToAmountString()} {Currency.Code}";

    private static int Compare(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return left.MinorUnits.CompareTo(right.MinorUnits);
    }

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (left.Currency != right.Currency)
        {
            throw new DomainException($"Cannot combine {left.Currency} with {right.Currency}.");
        }
    }

    // Checked before scaling: amount × scale overflows decimal itself for amounts near decimal.MaxValue, which would
    // surface as an OverflowException instead of a validation error (and make TryParse throw).
    private static bool IsStorable(decimal amount, Currency currency) =>
        decimal.Abs(amount) <= (decimal)(long.MaxValue / 4) / Scale(currency);

    private static long Scale(Currency currency)
    {
        long scale = 1;
        for (var i = 0; i < currency.MinorUnits; i++)
        {
            scale *= 10;
        }
        return scale;
    }
}
