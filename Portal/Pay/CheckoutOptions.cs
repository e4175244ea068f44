namespace Portal.Pay;

/// <summary>Section "Checkout".</summary>
public sealed class CheckoutOptions
{
    public const string Section = "Checkout";

    /// <summary>
    /// The address customers' phones reach Portal at (https://pay.example.com/), used in QR codes. Defaults to the
    /// address the checkout page was opened at, which a phone cannot reach when that is localhost.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
