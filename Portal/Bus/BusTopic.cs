namespace Portal.Bus;

/// <summary>The channels of the bus, each carrying one kind of message.</summary>
public enum BusTopic
{
    PaymentChanged,
    RefundChanged,
    WebhooksDue,
    StaffAccessChanged,
}
