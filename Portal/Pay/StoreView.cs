namespace Portal.Pay;

/// <summary>
/// What the store code's amount page shows: whom the customer pays, in which currency, in the merchant's colours, and
/// whether the owner has switched the code off for now, and the most one payment may be (to say so in the customer's words).
/// </summary>
public sealed record StoreView(string MerchantName, string CurrencyCode, int MinorUnits, string AccentColor, string? LogoUrl,
    bool IsSwitchedOff = false, long MaxAmountMinorUnits = long.MaxValue);
