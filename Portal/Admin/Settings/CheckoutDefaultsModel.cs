using Portal.Admin.Links;
using Portal.Domain.Checkouts;

namespace Portal.Admin.Settings;

/// <summary>The checkout defaults form: what a new payment link offers until staff change it.</summary>
public sealed class CheckoutDefaultsModel
{
    public ExpiryChoice LinkLifetime { get; set; } = ExpiryChoice.SevenDays;

    public bool AllowRealTime { get; set; } = true;

    public bool AllowFast { get; set; } = true;

    public PaymentMethods Methods =>
        (AllowRealTime ? PaymentMethods.RealTime : PaymentMethods.None) | (AllowFast ? PaymentMethods.Fast : PaymentMethods.None);
}
