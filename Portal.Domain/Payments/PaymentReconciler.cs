using System.Diagnostics;
using Portal.Domain.Checkouts;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Payments;

/// <summary>
/// Finishes payments and refunds whose outcome Portal does not know (a crash or a rail timeout between steps 4 and 6)
/// by asking the rail, never by guessing. An order the rail does not know is failed only after the rail's acceptance
/// window, when the rail can no longer take it; one the rail cannot be asked about waits for the next round.
/// </summary>
public sealed class PaymentReconciler(
    IPaymentStoreFactory stores,
    IPaymentRail rail,
    PaymentOutcomes payments,
    RefundFlow refunds,
    CheckoutLifecycle checkouts,
    TimeProvider time,
    PaymentFlowOptions options)
{
    private const int RoundSize = 500;

    private readonly UnfinishedOrders _payments = new(
        (store, before, cancellationToken) => store.FindUnfinishedPaymentsAsync(before, RoundSize, cancellationToken),
        async (store, id, cancellationToken) => await store.FindPaymentAsync(id, cancellationToken),
        id => PortalTelemetry.StartPayment("payment.reconcile", id),
        async (id, cancellationToken) => await payments.FailUndeliveredAsync(id, cancellationToken),
        async (result, cancellationToken) => (await payments.RecordRailResultAsync(result, cancellationToken)).IsFinal);

    private readonly UnfinishedOrders _refunds = new(
        (store, before, cancellationToken) => store.FindUnfinishedRefundsAsync(before, RoundSize, cancellationToken),
        async (store, id, cancellationToken) => await store.FindRefundAsync(id, cancellationToken),
        id => PortalTelemetry.StartRefund("refund.reconcile", id),
        async (id, cancellationToken) => await refunds.FailUndeliveredAsync(id, cancellationToken),
        async (result, cancellationToken) => (await refunds.RecordRailResultAsync(result, cancellationToken)).IsFinal);

    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var report = new ReconcileReport();
        await ReconcileAsync(_payments, now, report, cancellationToken);
        await ReconcileAsync(_refunds, now, report, cancellationToken);
        return report;
    }

    /// <summary>
    /// Closes what ran out of time: fast payments whose QR code expired unapproved, and open checkouts past their
    /// expiry. Pages read both as expired already; closing them keeps lists and the wallet truthful.
    /// </summary>
    public async Task<int> CloseExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> codes, expired;
        await using (var store = stores.Open())
        {
            codes = await store.FindExpiredCodesAsync(now, RoundSize, cancellationToken);
            expired = await store.FindExpiredCheckoutsAsync(now, RoundSize, cancellationToken);
        }
        var closed = 0;
        foreach (var paymentId in codes)
        {
            closed += await payments.ExpireCodeAsync(paymentId, cancellationToken) is null ? 0 : 1;
        }
        foreach (var checkoutId in expired)
        {
            closed += await checkouts.CloseExpiredCheckoutAsync(checkoutId, cancellationToken) ? 1 : 0;
        }
        return closed;
    }

    // Payments and refunds alike: step 4 saved, or the order never left; then the rail's word, or failure once the
    // rail's acceptance window is over. Each order is read in a unit of work of its own, closed before the rail is asked.
    private async Task ReconcileAsync(UnfinishedOrders orders, DateTimeOffset now, ReconcileReport report,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> unfinished;
        await using (var store = stores.Open())
        {
            unfinished = await orders.FindUnfinishedAsync(store, now - options.ReconcileAfter, cancellationToken);
        }

        foreach (var id in unfinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A span per order looked at, not per round: a round that finds nothing every few seconds is no news.
            using var activity = orders.StartSpan(id);
            IRailOrder? order;
            await using (var store = stores.Open())
            {
                order = await orders.FindAsync(store, id, cancellationToken);
            }
            if (order is not { IsProcessing: true })
            {
                continue;
            }

            if (order.Stage < RailOrderStage.Sent)
            {
                // Step 4 is saved before an order leaves: without it, the order never left.
                await orders.FailUndeliveredAsync(id, cancellationToken);
                report.Failed++;
                continue;
            }

            RailResult? result;
            try
            {
                result = await rail.QueryAsync(order.OrderId, cancellationToken);
            }
            catch (RailUnavailableException)
            {
                report.Unreachable++;
                continue;
            }

            if (result is null)
            {
                if (order.OrderSentAt is { } sentAt && now - sentAt > options.RailAcceptanceWindow)
                {
                    await orders.FailUndeliveredAsync(id, cancellationToken);
                    report.Failed++;
                }
                continue;
            }

            if (await orders.RecordAsync(result, cancellationToken))
            {
                report.Finished++;
            }
        }
    }

    // What the round needs of one kind of order: where the unfinished ones are, how to read one, and the flow's own
    // ways to fail one the rail never got and to record the rail's word (true when that made it final).
    private sealed record UnfinishedOrders(
        Func<IPaymentStore, DateTimeOffset, CancellationToken, Task<IReadOnlyList<Guid>>> FindUnfinishedAsync,
        Func<IPaymentStore, Guid, CancellationToken, Task<IRailOrder?>> FindAsync,
        Func<Guid, Activity?> StartSpan,
        Func<Guid, CancellationToken, Task> FailUndeliveredAsync,
        Func<RailResult, CancellationToken, Task<bool>> RecordAsync);
}
