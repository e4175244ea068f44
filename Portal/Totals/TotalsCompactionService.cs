using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Totals;

/// <summary>
/// Runs <see cref="TotalsCompaction"/> once the database is ready and then every
/// <see cref="TotalsOptions.CompactionInterval"/>, draining a backlog round after round; a failed round is logged and
/// the next one tries again. Of several instances one folds, holding the lease from round to round.
/// </summary>
internal sealed class TotalsCompactionService(TotalsCompaction compaction, WorkLeases leases, DatabaseStatus database,
    IOptions<TotalsOptions> options, TimeProvider time, ILogger<TotalsCompactionService> logger) : BackgroundService
{
    public const string Lease = "totals-compaction";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CompactionInterval;
        await database.WhenReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                int folded;
                do
                {
                    if (!await leases.TryAcquireAsync(Lease, interval * 3, stoppingToken))
                    {
                        break;
                    }
                    folded = await compaction.FoldAsync(stoppingToken);
                    if (folded > 0)
                    {
                        TotalsLog.Folded(logger, folded);
                    }
                }
                while (folded >= options.Value.CompactionBatchSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                TotalsLog.FoldFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
