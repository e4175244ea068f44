using Portal.Domain.Common;
using Portal.Domain.Merchants;

namespace Portal.Domain.Qr;

/// <summary>What Portal's one-time payment code says: which payment, how much, to whom.</summary>
public sealed record PortalPaymentCodeDetails(
    Guid PaymentId,
    Money Amount,
    string MerchantName,
    string MerchantCity,
    string CountryCode,
    string MerchantCategoryCode)
{
    public static PortalPaymentCodeDetails For(Merchant merchant, Guid paymentId, Money amount)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        return new(paymentId, amount, merchant.Name, merchant.City, merchant.CountryCode, merchant.CategoryCode);
    }
}
