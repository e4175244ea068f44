using System.ComponentModel.DataAnnotations;

namespace Portal.Payments;

/// <summary>Section "Reconciler".</summary>
public sealed class ReconcilerOptions
{
    public const string Section = "Reconciler";

    /// <summary>How often unfinished payments are looked at. Defaults to 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
}
