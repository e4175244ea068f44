using System.ComponentModel.DataAnnotations;

namespace Portal.Admin.Settings;

/// <summary>Section "Refunds": how changes to a merchant's refund rules take effect.</summary>
public sealed class RefundSettingsOptions
{
    public const string Section = "Refunds";

    /// <summary>
    /// How long a raised four-eyes threshold waits before it takes effect (a lowered one applies at once), so that the
    /// other Owners can see the raise in the audit log and cancel it. Zero applies raises at once. Defaults to 24 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Refunds:ThresholdRaiseDelay must be between 0 and 30 days.")]
    public TimeSpan ThresholdRaiseDelay { get; set; } = TimeSpan.FromHours(24);
}
