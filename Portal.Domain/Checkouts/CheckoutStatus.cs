namespace Portal.Domain.Checkouts;

public enum CheckoutStatus
{
    Open,
    Paid,
    Expired,
    Cancelled,
}
