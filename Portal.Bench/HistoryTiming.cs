namespace Portal.Bench;

/// <summary>A query's median time over the timed runs, the rows it returned, and whether it ran out of time.</summary>
internal sealed record HistoryTiming(HistoryQuery Query, double Milliseconds, int Rows, bool TimedOut)
{
    /// <summary>The time as the table and the last line print it: a query cancelled at the limit reads "120000+".</summary>
    public string Shown => TimedOut
        ? FormattableString.Invariant($"{Milliseconds:F0}+")
        : FormattableString.Invariant($"{Milliseconds:F1}");
}
