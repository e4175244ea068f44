namespace Portal.Admin.Dashboard;

/// <summary>Nearest-rank percentiles (the value at or below which p % of the values lie), as service dashboards quote them.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>th percentile of values already sorted ascending; null when there are none.</summary>
    public static T? Of<T>(IReadOnlyList<T> sorted, int percent) where T : struct
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        if (sorted.Count == 0)
        {
            return null;
        }
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
