using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Payments;

/// <summary>
/// Runs the reconciler once the database is ready (a crash may have left payments between steps 4 and 6) and then on a
/// timer. A failing round is logged and the next one tries again: one unreachable rail, or the database down for a
/// while, must not stop the service.
/// Of several instances, only the holder of a job's lease (<see cref="WorkLeases"/>) runs it, renewing it each round:
/// the reconciler and the expiry sweep each run on one instance at a time, and move to another within a lease when
/// that one dies.
/// </summary>
internal sealed class ReconcilerService(
    PaymentReconciler reconciler,
    WorkLeases leases,
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
        try
        {
            do
            {
                try
                {
                    await RoundAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    PaymentsLog.ReconcileFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        finally
        {
            await ReleaseAsync();
        }
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        if (await leases.TryAcquireAsync(WorkLeases.Reconciler, stoppingToken))
        {
            var report = await reconciler.ReconcileAsync(stoppingToken);
            if (report.Finished + report.Failed > 0)
            {
                PaymentsLog.Reconciled(logger, report.Finished, report.Failed, report.Unreachable);
            }
        }
        if (await leases.TryAcquireAsync(WorkLeases.Expiry, stoppingToken))
        {
            await reconciler.CloseExpiredAsync(stoppingToken);
        }
    }

    // A clean stop hands the jobs on at once instead of a lease later; a failure here only means waiting for the lapse.
    private async Task ReleaseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await leases.ReleaseAsync(WorkLeases.Reconciler, timeout.Token);
            await leases.ReleaseAsync(WorkLeases.Expiry, timeout.Token);
        }
        catch (Exception ex)
        {
            PaymentsLog.LeaseReleaseFailed(logger, ex);
        }
    }
}
