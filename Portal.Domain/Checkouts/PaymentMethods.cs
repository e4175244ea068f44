namespace Portal.Domain.Checkouts;

/// <summary>The methods a checkout offers its customer.</summary>
[Flags]
public enum PaymentMethods
{
    None = 0,
    RealTime = 1,
    Fast = 2,
    All = RealTime | Fast,
}
