namespace Portal.Totals;

internal static partial class TotalsLog
{
    [LoggerMessage(EventId = 9801, EventName = "TotalsFolded", Level = LogLevel.Debug,
        Message = "Folded {Deltas} running-total deltas")]
    public static partial void Folded(ILogger logger, int deltas);

    [LoggerMessage(EventId = 9802, EventName = "TotalsFoldFailed", Level = LogLevel.Warning,
        Message = "Folding the running totals failed; the next round tries again")]
    public static partial void FoldFailed(ILogger logger, Exception exception);
}
