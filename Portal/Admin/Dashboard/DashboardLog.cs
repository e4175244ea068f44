namespace Portal.Admin.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 3161, EventName = "DashboardRecomputeFailed", Level = LogLevel.Warning,
        Message = "Recomputing the dashboard after a live update failed")]
    public static partial void RecomputeFailed(ILogger logger, Exception exception);
}
