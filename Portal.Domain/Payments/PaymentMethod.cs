namespace Portal.Domain.Payments;

public enum PaymentMethod
{
    /// <summary>Account and PIN on the checkout page; the rail settles while the customer waits.</summary>
    RealTime,

    /// <summary>A QR code scanned with a mobile wallet; the rail accepts at once and confirms later.</summary>
    Fast,
}
