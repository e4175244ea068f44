using System.Diagnostics.CodeAnalysis;

namespace Portal.Domain.Qr;

/// <summary>
/// A valid EMV QRCPS merchant-presented payload: every length adds up (top level and templates 26–51, 62, 64), tag 00
/// is first and "01", tag 63 is last and its CRC-16/CCITT-FALSE matches. Only <see cref="TryParse"/> and
/// <see cref="Parse"/> make one, so holding an instance means the checks passed.
/// </summary>
public sealed class EmvQrCode
{
    internal EmvQrCode(string payload, IReadOnlyList<EmvDataObject> objects)
    {
        Payload = payload;
        Objects = objects;
    }

    /// <summary>The payload exactly as scanned or pasted.</summary>
    public string Payload { get; }

    /// <summary>The top-level data objects in payload order, tag 00 first and tag 63 last.</summary>
    public IReadOnlyList<EmvDataObject> Objects { get; }

    /// <summary>Tag 00, always "01".</summary>
    public string PayloadFormat => Value(EmvTags.PayloadFormatIndicator)!;

    /// <summary>Tag 01: "11" for a static code, "12" for a one-time (dynamic) code, null when absent.</summary>
    public string? PointOfInitiation => Value(EmvTags.PointOfInitiation);

    public bool IsDynamic => PointOfInitiation == EmvTags.Dynamic;

    /// <summary>Tag 52, the ISO 18245 merchant category code.</summary>
    public string? MerchantCategoryCode => Value(EmvTags.MerchantCategoryCode);

    /// <summary>Tag 53, the ISO 4217 numeric currency code ("156"); three digits when present.</summary>
    public string? CurrencyNumeric => Value(EmvTags.TransactionCurrency);

    /// <summary>Tag 54 as written ("23.72"); digits with an optional point when present, null when the payer enters it.</summary>
    public string? Amount => Value(EmvTags.TransactionAmount);

    /// <summary>Tag 58, the ISO 3166-1 alpha-2 country code.</summary>
    public string? CountryCode => Value(EmvTags.CountryCode);

    public string? MerchantName => Value(EmvTags.MerchantName);

    public string? MerchantCity => Value(EmvTags.MerchantCity);

    /// <summary>Tag 63, the CRC as 4 uppercase hex digits.</summary>
    public string Crc => Value(EmvTags.Crc)!;

    /// <summary>The merchant account templates (26–51) in payload order.</summary>
    public IEnumerable<EmvDataObject> MerchantAccounts =>
        Objects.Where(o => EmvTags.IsTemplate(o.Id) && o.Id is not (EmvTags.AdditionalData or EmvTags.MerchantLanguage));

    /// <summary>The top-level data object with this id (a template carries its <see cref="EmvDataObject.SubObjects"/>), or null.</summary>
    public EmvDataObject? Find(string id) => Objects.FirstOrDefault(o => o.Id == id);

    /// <summary>The value of the top-level data object with this id, or null.</summary>
    public string? Value(string id) => Find(id)?.Value;

    /// <summary>Checks the payload; on failure <paramref name="problem"/> names what is wrong, for people and as a code.</summary>
    public static bool TryParse(string? payload, [NotNullWhen(true)] out EmvQrCode? code, [NotNullWhen(false)] out EmvQrProblem? problem)
    {
        problem = EmvQrParser.Parse(payload, out code);
        return problem is null;
    }

    /// <exception cref="EmvQrFormatException">The payload is not a valid EMV QR code; its problem says why.</exception>
    public static EmvQrCode Parse(string? payload) =>
        TryParse(payload, out var code, out var problem) ? code : throw new EmvQrFormatException(problem);

    public override string ToString() => Payload;
}
