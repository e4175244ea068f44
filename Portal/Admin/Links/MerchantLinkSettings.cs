using Portal.Domain.Checkouts;

namespace Portal.Admin.Links;

/// <summary>The merchant's side of its payment links: defaults for new links and the store QR code's token (null: off).</summary>
public sealed record MerchantLinkSettings(
    string MerchantName,
    string CurrencyCode,
    TimeSpan DefaultLinkLifetime,
    PaymentMethods DefaultPaymentMethods,
    string? StoreToken);
