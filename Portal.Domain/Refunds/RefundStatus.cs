namespace Portal.Domain.Refunds;

public enum RefundStatus
{
    /// <summary>Above the merchant's four-eyes threshold: waits for a second Manager or Owner. Its amount is held.</summary>
    PendingApproval = 1,

    /// <summary>Approved; its order is with the rail or about to be.</summary>
    Processing = 2,

    /// <summary>The rail moved the money back to the payer.</summary>
    Succeeded = 3,

    /// <summary>The rail refused or could not take it; no money moved and its amount is free again.</summary>
    Failed = 4,

    /// <summary>The approver said no; no money moved and its amount is free again.</summary>
    Rejected = 5,
}
