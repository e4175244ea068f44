namespace Portal.Pay;

/// <summary>What the checkout card shows: one state of the checkout and the payment that matters now.</summary>
public enum CheckoutStage
{
    Choose,
    Form,
    Processing,
    FastQr,
    FastExpired,
    Succeeded,
    Failed,
    Expired,
    Closed,
    Locked,
}
