using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Portal.Bus;
using Portal.Data;

namespace Portal.LiveUpdates;

/// <summary>
/// Brings changes made on other instances to this instance's components. A notice from the bus that names something
/// watched here is queued; the queue is drained in batches, each read from the database in one query and told to the
/// watchers in commit order. While the bus is down, and once more when it returns, the same watchers are told what the
/// database says changed meanwhile, so a page that missed a message converges on the saved state without a reload.
/// Runs only when the bus is on: the one-process app tells its watchers directly.
/// </summary>
internal sealed class LiveUpdateRelay(
    IPortalBus bus,
    PaymentEvents payments,
    RefundEvents refunds,
    LiveUpdateReader reader,
    DatabaseStatus database,
    IOptions<BusOptions> options,
    TimeProvider time,
    ILogger<LiveUpdateRelay> logger) : BackgroundService
{
    private const int Batch = 256;

    // Steps are timed by the instance that made them and committed a moment later: reading from a little before the
    // bus went down (and before the previous read) covers other hosts' clocks and commits still in flight.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    private readonly Channel<ChangeNotice> _paymentNotices = Channel.CreateUnbounded<ChangeNotice>(new() { SingleReader = true });
    private readonly Channel<ChangeNotice> _refundNotices = Channel.CreateUnbounded<ChangeNotice>(new() { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only what a component here watches is queued: the others' notices cost a dictionary lookup each.
        bus.Subscribe(BusTopic.PaymentChanged, body =>
        {
            if (ChangeNotice.TryRead(body.Span, out var notice) && payments.IsWatched(notice))
            {
                _paymentNotices.Writer.TryWrite(notice);
            }
        });
        bus.Subscribe(BusTopic.RefundChanged, body =>
        {
            if (ChangeNotice.TryRead(body.Span, out var notice) && refunds.IsWatched(notice))
            {
                _refundNotices.Writer.TryWrite(notice);
            }
        });
        await database.WhenReadyAsync(stoppingToken);
        await Task.WhenAll(
            RelayAsync(_paymentNotices.Reader, RelayPaymentsAsync, stoppingToken),
            RelayAsync(_refundNotices.Reader, RelayRefundsAsync, stoppingToken),
            CatchUpAsync(stoppingToken));
    }

    private async Task RelayAsync(ChannelReader<ChangeNotice> notices, Func<HashSet<Guid>, CancellationToken, Task> relay,
        CancellationToken stoppingToken)
    {
        var ids = new HashSet<Guid>();
        try
        {
            while (await notices.WaitToReadAsync(stoppingToken))
            {
                ids.Clear();
                while (ids.Count < Batch && notices.TryRead(out var notice))
                {
                    ids.Add(notice.Id);
                }
                try
                {
                    await relay(ids, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database is away: these pages catch up with the next notice, or reload on their own timers.
                    LiveUpdatesLog.RelayFailed(logger, ids.Count, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RelayPaymentsAsync(HashSet<Guid> ids, CancellationToken cancellationToken)
    {
        var changed = await reader.PaymentsAsync(ids, cancellationToken);
        await Task.WhenAll(changed.Select(payments.NotifyHereAsync));
    }

    private async Task RelayRefundsAsync(HashSet<Guid> ids, CancellationToken cancellationToken)
    {
        var changed = await reader.RefundsAsync(ids, cancellationToken);
        await Task.WhenAll(changed.Select(refunds.NotifyHereAsync));
    }

    private async Task CatchUpAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? missingSince = null;
        var toldPayments = new Dictionary<Guid, int>();
        var toldRefunds = new Dictionary<Guid, int>();
        using var timer = new PeriodicTimer(options.Value.CatchUpInterval, time);
        try
        {
            do
            {
                var connected = bus.IsConnected;
                var now = time.GetUtcNow();
                if (!connected)
                {
                    missingSince ??= now - Overlap;
                }
                else if (missingSince is null)
                {
                    continue;
                }
                try
                {
                    var watched = payments.Watched();
                    if (!watched.IsEmpty)
                    {
                        foreach (var payment in await reader.PaymentsChangedAsync(watched, missingSince!.Value, stoppingToken))
                        {
                            if (!toldPayments.TryGetValue(payment.PaymentId, out var version) || version != payment.Version)
                            {
                                toldPayments[payment.PaymentId] = payment.Version;
                                await payments.NotifyHereAsync(payment);
                            }
                        }
                    }
                    watched = refunds.Watched();
                    if (!watched.IsEmpty)
                    {
                        foreach (var refund in await reader.RefundsChangedAsync(watched, missingSince!.Value, stoppingToken))
                        {
                            if (!toldRefunds.TryGetValue(refund.RefundId, out var version) || version != refund.Version)
                            {
                                toldRefunds[refund.RefundId] = refund.Version;
                                await refunds.NotifyHereAsync(refund);
                            }
                        }
                    }
                    if (connected)
                    {
                        // Caught up once after the bus returned: from now on notices arrive again.
                        missingSince = null;
                        toldPayments.Clear();
                        toldRefunds.Clear();
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LiveUpdatesLog.CatchUpFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
