namespace Portal.Addresses;

/// <summary>
/// Every absolute address Portal hands out (pages customers and staff open from a QR code, a mail, an API answer or a
/// webhook), all on one base. Made by <see cref="PublicAddresses"/>, which decides the base.
/// </summary>
public sealed class PublicLinks(Uri baseUri)
{
    /// <summary>The base, ending in a slash: "https://pay.example.com/".</summary>
    public Uri BaseUri { get; } = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");

    /// <summary>A checkout's payment page.</summary>
    public Uri PayPage(string token) => On($"pay/{Uri.EscapeDataString(token)}");

    /// <summary>The payment page's address as an SVG QR code.</summary>
    public Uri PayPageQrCode(string token) => On($"pay/{Uri.EscapeDataString(token)}/qr.svg");

    /// <summary>The merchant's store QR code page, where the customer types the amount.</summary>
    public Uri StorePage(string storeToken) => On($"pay/store/{Uri.EscapeDataString(storeToken)}");

    /// <summary>The wallet page of a fast payment: what a phone camera opens from the checkout's QR code.</summary>
    public Uri WalletPage(Guid paymentId) => On($"wallet/{paymentId:N}");

    /// <summary>Where an invited member chooses name and password.</summary>
    public Uri InvitationPage(string token) => On($"invite/{Uri.EscapeDataString(token)}");

    /// <summary>Where a member who forgot the password chooses a new one; the code is Identity's, Base64url-encoded.</summary>
    public Uri PasswordResetPage(string code) => On($"Account/ResetPassword?code={Uri.EscapeDataString(code)}");

    private Uri On(string relative) => new(BaseUri, relative);
}
