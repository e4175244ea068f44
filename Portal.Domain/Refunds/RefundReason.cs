namespace Portal.Domain.Refunds;

/// <summary>Why the merchant gives money back; the free-text note says more.</summary>
public enum RefundReason
{
    RequestedByCustomer = 1,
    Returned = 2,
    NotDelivered = 3,
    Duplicate = 4,
    Fraudulent = 5,
    Other = 6,
}
