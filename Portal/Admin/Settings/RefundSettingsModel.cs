namespace Portal.Admin.Settings;

/// <summary>The refund settings form: how long after a payment it may be refunded, and the four-eyes threshold.</summary>
public sealed class RefundSettingsModel
{
    public int WindowDays { get; set; } = 180;

    /// <summary>As typed ("1000.00"), read in <see cref="CurrencyCode"/>; the domain's Money parser decides.</summary>
    public string ApprovalThreshold { get; set; } = "";

    public string CurrencyCode { get; set; } = "";

    /// <summary>A raised threshold waiting for its delay (<see cref="RefundSettingsOptions.ThresholdRaiseDelay"/>), as read; null when none waits.</summary>
    public Domain.Common.Money? PendingThreshold { get; set; }

    /// <summary>When <see cref="PendingThreshold"/> takes effect.</summary>
    public DateTimeOffset? PendingFrom { get; set; }

    /// <summary>Who asked for <see cref="PendingThreshold"/>.</summary>
    public string? PendingBy { get; set; }
}
