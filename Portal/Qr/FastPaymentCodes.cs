using Portal.Domain.Merchants;
using Portal.Domain.Qr;
using Portal.Pay;

namespace Portal.Qr;

/// <summary>What a fast payment's QR code says, in the merchant's chosen format.</summary>
public static class FastPaymentCodes
{
    /// <summary>The wallet page's address for a payment: what a phone camera opens.</summary>
    public static string WalletUrl(string baseUri, Guid paymentId) => $"{baseUri.TrimEnd('/')}/wallet/{paymentId:N}";

    public static string ContentFor(CheckoutView checkout, Guid paymentId, string baseUri) => checkout.QrFormat switch
    {
        QrFormat.Emv => PortalPaymentCode.Build(new PortalPaymentCodeDetails(
            paymentId, checkout.Amount, checkout.MerchantName, checkout.MerchantCity, checkout.MerchantCountry,
            checkout.MerchantCategoryCode)),
        _ => WalletUrl(baseUri, paymentId),
    };
}
