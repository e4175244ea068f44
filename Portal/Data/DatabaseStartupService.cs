namespace Portal.Data;

/// <summary>
/// Repeats <see cref="DatabaseStartup"/> while the first attempt (before listening) left the database not ready: an
/// unreachable one with a growing pause up to half a minute (no busy loop against a server that is down, no crash loop
/// either), one behind its migrations every ten seconds, so that Portal serves soon after someone has migrated. Stops
/// the application when the database holds demo rows outside Development.
/// </summary>
internal sealed class DatabaseStartupService(
    DatabaseStartup startup,
    DatabaseStatus status,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DatabaseStartupService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SchemaRecheck = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!status.IsReady && !startup.HasRefused)
        {
            await Task.Delay(status.State == DatabaseState.SchemaBehind ? SchemaRecheck : retry, time, stoppingToken);
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            try
            {
                await startup.TryStartAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                DatabaseLog.StartFailed(logger, ex);
            }
        }
        if (startup.HasRefused)
        {
            lifetime.StopApplication();
        }
    }
}
