using Portal.Addresses;
using Portal.Domain.Merchants;
using Portal.Domain.Qr;
using Portal.Pay;

namespace Portal.Qr;

/// <summary>What a fast payment's QR code says, in the merchant's chosen format.</summary>
public static class FastPaymentCodes
{
    public static string ContentFor(CheckoutView checkout, Guid paymentId, PublicLinks links) => checkout.QrFormat switch
    {
        QrFormat.Emv => PortalPaymentCode.Build(new PortalPaymentCodeDetails(
            paymentId, checkout.Amount, checkout.MerchantName, checkout.MerchantCity, checkout.MerchantCountry,
            checkout.MerchantCategoryCode)),
        _ => links.WalletPage(paymentId).AbsoluteUri,
    };
}
