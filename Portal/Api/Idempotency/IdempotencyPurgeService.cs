using Portal.Data;

namespace Portal.Api.Idempotency;

/// <summary>
/// Deletes expired Idempotency-Keys once the database is ready and then every hour; a failed round is logged and the
/// next one tries again.
/// </summary>
internal sealed class IdempotencyPurgeService(IdempotencyStore store, DatabaseStatus database, TimeProvider time,
    ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WhenReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var purged = await store.PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    IdempotencyLog.KeysPurged(logger, purged);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                IdempotencyLog.PurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
