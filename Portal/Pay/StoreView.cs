namespace Portal.Pay;

/// <summary>What the store code's amount page shows: whom the customer pays, in which currency, in the merchant's colours.</summary>
public sealed record StoreView(string MerchantName, string CurrencyCode, int MinorUnits, string AccentColor, string? LogoUrl);
