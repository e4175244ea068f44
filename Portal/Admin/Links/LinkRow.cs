using Portal.Domain.Checkouts;
using Portal.Domain.Common;

namespace Portal.Admin.Links;

/// <summary>One payment link as the links list shows it, its status as of the moment it was read.</summary>
public sealed record LinkRow(
    Guid Id,
    string Token,
    string Description,
    string? MerchantReference,
    Money Amount,
    CheckoutStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool Locked = false)
{
    public static LinkRow From(Checkout checkout, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        return new(checkout.Id, checkout.Token, checkout.Description, checkout.MerchantReference, checkout.Amount,
            checkout.StatusAt(now), checkout.CreatedAt, checkout.ExpiresAt,
            checkout.IsLockedAt(now));
    }
}
