namespace Portal.Domain.Common;

/// <summary>An ISO 4217 currency: its alphabetic code, numeric code (used by EMV QR payloads) and minor units.</summary>
public sealed record Currency(string Code, string NumericCode, int MinorUnits)
{
    // The currencies Portal knows; a code outside this table is refused rather than guessed.
    private static readonly Dictionary<string, Currency> Known = new Currency[]
    {
        new("CNY", "156", 2), new("USD", "840", 2), new("EUR", "978", 2), new("JPY", "392", 0),
        new("GBP", "826", 2), new("HKD", "344", 2), new("SGD", "702", 2), new("KRW", "410", 0),
        new("INR", "356", 2), new("AUD", "036", 2), new("CAD", "124", 2), new("CHF", "756", 2),
        new("SEK", "752", 2), new("NOK", "578", 2), new("DKK", "208", 2), new("NZD", "554", 2),
        new("THB", "764", 2), new("MYR", "458", 2), new("IDR", "360", 2), new("PHP", "608", 2),
        new("VND", "704", 0), new("TWD", "901", 2), new("BHD", "048", 3), new("KWD", "414", 3),
        new("JOD", "400", 3), new("OMR", "512", 3), new("TND", "788", 3), new("CLP", "152", 0),
        new("ISK", "352", 0), new("BRL", "986", 2), new("MXN", "484", 2), new("ZAR", "710", 2),
        new("TRY", "949", 2), new("AED", "784", 2), new("SAR", "682", 2), new("PLN", "985", 2),
        new("CZK", "203", 2), new("HUF", "348", 2), new("MOP", "446", 2), new("LKR", "144", 2),
    }.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<Currency> All => Known.Values;

    public static Currency CNY => Known["CNY"];

    public static bool TryFind(string? code, out Currency currency)
    {
        currency = null!;
        return code is not null && Known.TryGetValue(code.Trim().ToUpperInvariant(), out currency!);
    }

    public static Currency FromCode(string code) =>
        TryFind(code, out var currency)
            ? currency
            : throw new DomainValidationException("Currency", $"'{code}' is not a supported ISO 4217 currency code.");

    public static Currency? FromNumericCode(string numeric) =>
        Known.Values.FirstOrDefault(c => c.NumericCode == numeric);

    public override string ToString() => Code;
}
