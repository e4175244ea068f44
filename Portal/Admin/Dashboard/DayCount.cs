namespace Portal.Admin.Dashboard;

/// <summary>The payments started on one UTC day, by outcome.</summary>
public sealed record DayCount(DateOnly Day, int Succeeded, int Failed, int InFlight);
