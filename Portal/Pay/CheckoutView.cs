using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;

namespace Portal.Pay;

/// <summary>What the checkout page shows: the merchant's side of the checkout and, when there is one, the payment that matters now.</summary>
public sealed record CheckoutView(
    Guid CheckoutId,
    string Token,
    string MerchantName,
    string AccentColor,
    Money Amount,
    string Description,
    string? MerchantReference,
    string? ReturnUrl,
    DateTimeOffset ExpiresAt,
    CheckoutStatus Status,
    PaymentMethods AllowedMethods,
    PaymentSnapshot? CurrentPayment,
    string MerchantCity,
    string MerchantCountry,
    string MerchantCategoryCode,
    QrFormat QrFormat,
    bool TooManyAttempts,
    string? LogoUrl = null,
    string? SupportEmail = null)
{
    /// <summary>
    /// Made from the store code's amount page, whose description and reference Portal wrote (in English, for the
    /// merchant's lists): the customer reads the description in their own language instead.
    /// </summary>
    public bool IsFromStoreCode => MerchantReference == Checkout.StoreReference;
}
