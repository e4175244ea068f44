namespace Portal.Admin.Dashboard;

/// <summary>Everything the dashboard shows, computed at <see cref="At"/>.</summary>
public sealed record DashboardView(
    DateTimeOffset At,
    IReadOnlyList<PeriodSummary> Periods,
    IReadOnlyList<DayCount> Days,
    IReadOnlyList<MethodSpeed> Speeds)
{
    /// <summary>How many recent succeeded payments per method the speed figures are taken over, at most.</summary>
    public const int SpeedSampleSize = 5_000;

    /// <summary>The days the chart and the longest period cover, today included.</summary>
    public const int DayCountWindow = 30;
}
