using Portal.Domain.Checkouts;

namespace Portal.Admin.Links;

/// <summary>
/// The merchant's side of its payment links: defaults for new links, the store QR code's token (null: never turned on)
/// and whether its owner switched it off for now.
/// </summary>
public sealed record MerchantLinkSettings(
    string MerchantName,
    string CurrencyCode,
    TimeSpan DefaultLinkLifetime,
    PaymentMethods DefaultPaymentMethods,
    string? StoreToken,
    bool StoreCodeSwitchedOff = false);
