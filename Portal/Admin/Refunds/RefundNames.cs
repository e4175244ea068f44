using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>Refund reasons, steps and statuses as staff read them.</summary>
public static class RefundNames
{
    public static string Of(RefundReason reason) => reason switch
    {
        RefundReason.RequestedByCustomer => "Requested by the customer",
        RefundReason.Returned => "Goods returned",
        RefundReason.NotDelivered => "Not delivered",
        RefundReason.Duplicate => "Duplicate payment",
        RefundReason.Fraudulent => "Fraudulent payment",
        RefundReason.Other => "Other",
        _ => reason.ToString(),
    };

    public static string Of(RefundStep step) => step switch
    {
        RefundStep.Requested => "Requested",
        RefundStep.Approved => "Approved",
        RefundStep.OrderCreated => "Refund order created",
        RefundStep.OrderSent => "Order signed and sent",
        RefundStep.RailVerified => "Verified by the bank",
        RefundStep.Processed => "Money returned to the payer",
        RefundStep.Notified => "Notified",
        _ => step.ToString(),
    };

    public static string Of(RefundStatus status) => status switch
    {
        RefundStatus.PendingApproval => "Awaiting approval",
        RefundStatus.Processing => "Processing",
        RefundStatus.Succeeded => "Succeeded",
        RefundStatus.Failed => "Failed",
        RefundStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };
}
