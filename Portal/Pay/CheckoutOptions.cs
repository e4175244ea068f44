namespace Portal.Pay;

/// <summary>Section "Checkout".</summary>
public sealed class CheckoutOptions
{
    public const string Section = "Checkout";

    /// <summary>
    /// The address customers, shops and staff reach Portal at (https://pay.example.com/): the base of every absolute
    /// address Portal hands out (QR codes, mails, API answers, webhooks). Required outside Development; in Development
    /// it defaults to the address a page was opened at, which a phone cannot reach when that is localhost.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
