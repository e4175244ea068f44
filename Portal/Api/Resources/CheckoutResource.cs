using Portal.Addresses;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;

namespace Portal.Api.Resources;

/// <summary>
/// A checkout as the API and its webhooks show it. <see cref="Locked"/>: open, but refusing payments after too many
/// refused PINs until the merchant reopens it (<c>POST /checkouts/{id}/reopen</c>).
/// </summary>
public sealed record CheckoutResource(
    Guid Id,
    string Object,
    CheckoutStatus Status,
    bool Locked,
    string Amount,
    string Currency,
    string Description,
    string? Reference,
    string? ReturnUrl,
    IReadOnlyList<PaymentMethod> Methods,
    IReadOnlyDictionary<string, string> Metadata,
    Uri Url,
    Uri QrCodeUrl,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PaidAt,
    Guid? PaymentId)
{
    public static CheckoutResource From(Checkout checkout, PublicLinks links, DateTimeOffset now) => new(
        checkout.Id,
        "checkout",
        checkout.StatusAt(now),
        checkout.IsLockedAt(now),
        MoneyAmount.Of(checkout.Amount),
        checkout.CurrencyCode,
        checkout.Description,
        checkout.MerchantReference,
        checkout.ReturnUrl,
        Enum.GetValues<PaymentMethod>().Where(checkout.Allows).ToList(),
        checkout.Metadata,
        links.PayPage(checkout.Token),
        links.PayPageQrCode(checkout.Token),
        checkout.CreatedAt,
        checkout.ExpiresAt,
        checkout.PaidAt,
        checkout.PaidByPaymentId);
}
