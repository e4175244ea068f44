namespace Portal.Domain.Merchants;

/// <summary>What <see cref="Merchant.ConfigureRefunds"/> did to the four-eyes threshold.</summary>
public enum RefundThresholdChange
{
    /// <summary>The threshold (and any raise waiting) stays as it was.</summary>
    Unchanged,

    /// <summary>Lowered (or raised with no delay configured): in force at once; a raise that was waiting is dropped.</summary>
    AppliedNow,

    /// <summary>Raised: in force only from <see cref="Merchant.PendingRefundApprovalThresholdFrom"/>.</summary>
    RaiseScheduled,
}
