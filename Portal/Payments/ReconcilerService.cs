using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Payments;

/// <summary>
/// Runs the reconciler once the database is ready (a crash may have left payments between steps 4 and 6) and then on a
/// timer. A failing round is logged and the next one tries again: one unreachable rail, or the database down for a
/// while, must not stop the service.
/// </summary>
internal sealed class ReconcilerService(
    PaymentReconciler reconciler,
    DatabaseStatus database,
    IOptions<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the app finish starting (the rail may be this very process) before the first round.
        await Task.Yield();
        await database.WhenReadyAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                var report = await reconciler.ReconcileAsync(stoppingToken);
                await reconciler.CloseExpiredAsync(stoppingToken);
                if (report.Finished + report.Failed > 0)
                {
                    PaymentsLog.Reconciled(logger, report.Finished, report.Failed, report.Unreachable);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                PaymentsLog.ReconcileFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
