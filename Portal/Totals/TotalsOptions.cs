using System.ComponentModel.DataAnnotations;

namespace Portal.Totals;

/// <summary>Section "Totals": how often the running totals' deltas are folded, and how many at a time.</summary>
public sealed class TotalsOptions
{
    public const string Section = "Totals";

    /// <summary>
    /// Time between two folding rounds. Readers are exact either way; a longer interval only leaves more delta rows for
    /// them to add up. Defaults to 10 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most deltas of each table one round folds in its transaction (a backlog takes several rounds, one after the
    /// other). Defaults to 5000.
    /// </summary>
    [Range(1, 100_000)]
    public int CompactionBatchSize { get; set; } = 5_000;
}
