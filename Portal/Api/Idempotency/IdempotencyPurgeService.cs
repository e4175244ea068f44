using Portal.Data;

namespace Portal.Api.Idempotency;

/// <summary>
/// Deletes expired Idempotency-Keys once the database is ready and then every hour; a failed round is logged and the
/// next one tries again. Of several instances one purges: the lease lasts an interval, so the holder renews it at each
/// of its rounds and the others find it held at theirs; when the holder dies, the first to find it lapsed takes over.
/// </summary>
internal sealed class IdempotencyPurgeService(IdempotencyStore store, WorkLeases leases, DatabaseStatus database, TimeProvider time,
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
                if (!await leases.TryAcquireAsync(WorkLeases.IdempotencyPurge, Interval, stoppingToken))
                {
                    continue;
                }
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
