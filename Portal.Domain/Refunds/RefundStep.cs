namespace Portal.Domain.Refunds;

/// <summary>The seven steps of a refund: a payment in the opposite direction, through the same rail.</summary>
public enum RefundStep
{
    /// <summary>A Manager or Owner asked for it, with an amount and a reason.</summary>
    Requested = 1,

    /// <summary>Approved: at once below the four-eyes threshold, else by a second Manager or Owner.</summary>
    Approved = 2,

    /// <summary>The refund order exists, its amount held against the payment.</summary>
    OrderCreated = 3,

    /// <summary>The order was signed and sent to the rail.</summary>
    OrderSent = 4,

    /// <summary>The rail verified it: the original payment, the merchant's account, the amount.</summary>
    RailVerified = 5,

    /// <summary>The rail debited the merchant's settlement account and credited the payer.</summary>
    Processed = 6,

    /// <summary>Merchant and customer were told the result.</summary>
    Notified = 7,
}
