namespace Portal.Domain.Checkouts;

/// <summary>What a merchant (admin form or API) asks for when creating a checkout; validated by <see cref="Checkout.Create"/>.</summary>
public sealed record CheckoutRequest(
    decimal Amount,
    string CurrencyCode,
    string Description,
    DateTimeOffset ExpiresAt,
    string? MerchantReference = null,
    string? ReturnUrl = null,
    PaymentMethods AllowedMethods = PaymentMethods.All,
    IReadOnlyDictionary<string, string>? Metadata = null);
