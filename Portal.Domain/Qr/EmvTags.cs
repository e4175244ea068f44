namespace Portal.Domain.Qr;

/// <summary>The ids of the EMV merchant-presented QR data objects that Portal reads or writes.</summary>
public static class EmvTags
{
    public const string PayloadFormatIndicator = "00";
    public const string PointOfInitiation = "01";
    public const string MerchantAccount = "26";
    public const string MerchantCategoryCode = "52";
    public const string TransactionCurrency = "53";
    public const string TransactionAmount = "54";
    public const string CountryCode = "58";
    public const string MerchantName = "59";
    public const string MerchantCity = "60";
    public const string AdditionalData = "62";
    public const string Crc = "63";
    public const string MerchantLanguage = "64";

    /// <summary>Sub-tag of every merchant account template (26–51): the scheme's globally unique identifier.</summary>
    public const string GloballyUniqueIdentifier = "00";

    /// <summary>Sub-tag of the additional data template (62): the reference label.</summary>
    public const string ReferenceLabel = "05";

    /// <summary>Payload format indicator value of every EMV QRCPS payload.</summary>
    public const string FormatVersion = "01";

    /// <summary>Point of initiation: the same code for many payments.</summary>
    public const string Static = "11";

    /// <summary>Point of initiation: a code for one payment.</summary>
    public const string Dynamic = "12";

    /// <summary>
    /// Whether the data object's value must itself be id/length/value data objects: the merchant account templates
    /// 26–51, the additional data template 62 and the language template 64.
    /// </summary>
    public static bool IsTemplate(string id) =>
        id is AdditionalData or MerchantLanguage ||
        (int.TryParse(id, out var number) && id.Length == 2 && number is >= 26 and <= 51);
}
