using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Payments;

/// <summary>
/// Finishes payments whose outcome Portal does not know (a crash or a rail timeout between steps 4 and 6) by asking
/// the rail, never by guessing. A payment the rail does not know is failed only after the rail's acceptance window,
/// when the rail can no longer take its order; one the rail cannot be asked about waits for the next round.
/// </summary>
public sealed class PaymentReconciler(
    IPaymentStoreFactory stores,
    IPaymentRail rail,
    CheckoutFlow flow,
    RefundFlow refunds,
    TimeProvider time,
    PaymentFlowOptions options)
{
    public async Task<ReconcileReport> ReconcileAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> unfinished;
        await using (var store = stores.Open())
        {
            unfinished = await store.FindUnfinishedPaymentsAsync(now - options.ReconcileAfter, 500, cancellationToken);
        }

        var report = new ReconcileReport();
        foreach (var paymentId in unfinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A span per payment looked at, not per round: a round that finds nothing every few seconds is no news.
            using var activity = PortalTelemetry.StartPayment("payment.reconcile", paymentId);
            await using var store = stores.Open();
            var payment = await store.FindPaymentAsync(paymentId, cancellationToken);
            if (payment is null || payment.Status != PaymentStatus.Processing)
            {
                continue;
            }

            if (payment.Step == PaymentStep.OrderCreated)
            {
                // Step 4 is saved before an order leaves: without it, the order never left.
                await flow.FailUndeliveredAsync(paymentId, cancellationToken);
                report.Failed++;
                continue;
            }

            RailResult? result;
            try
            {
                result = await rail.QueryAsync(payment.OrderId, cancellationToken);
            }
            catch (RailUnavailableException)
            {
                report.Unreachable++;
                continue;
            }

            if (result is null)
            {
                if (payment.OrderSentAt is { } sentAt && now - sentAt > options.RailAcceptanceWindow)
                {
                    await flow.FailUndeliveredAsync(paymentId, cancellationToken);
                    report.Failed++;
                }
                continue;
            }

            var after = await flow.RecordRailResultAsync(result, cancellationToken);
            if (after.IsFinal)
            {
                report.Finished++;
            }
        }
        await ReconcileRefundsAsync(now, report, cancellationToken);
        return report;
    }

    // Refunds the same way: step 4 saved or the order never left; the rail's word, or failure after its window.
    private async Task ReconcileRefundsAsync(DateTimeOffset now, ReconcileReport report, CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> unfinished;
        await using (var store = stores.Open())
        {
            unfinished = await store.FindUnfinishedRefundsAsync(now - options.ReconcileAfter, 500, cancellationToken);
        }
        foreach (var refundId in unfinished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Refund? refund;
            await using (var store = stores.Open())
            {
                refund = await store.FindRefundAsync(refundId, cancellationToken);
            }
            if (refund is null || refund.Status != RefundStatus.Processing)
            {
                continue;
            }
            if (refund.Step < RefundStep.OrderSent)
            {
                await refunds.FailUndeliveredAsync(refundId, cancellationToken);
                report.Failed++;
                continue;
            }

            RailResult? result;
            try
            {
                result = await rail.QueryAsync(refund.OrderId, cancellationToken);
            }
            catch (RailUnavailableException)
            {
                report.Unreachable++;
                continue;
            }
            if (result is null)
            {
                if (refund.OrderSentAt is { } sentAt && now - sentAt > options.RailAcceptanceWindow)
                {
                    await refunds.FailUndeliveredAsync(refundId, cancellationToken);
                    report.Failed++;
                }
                continue;
            }
            if ((await refunds.RecordRailResultAsync(result, cancellationToken)).IsFinal)
            {
                report.Finished++;
            }
        }
    }

    /// <summary>
    /// Closes what ran out of time: fast payments whose QR code expired unapproved, and open checkouts past their
    /// expiry. Pages read both as expired already; closing them keeps lists and the wallet truthful.
    /// </summary>
    public async Task<int> CloseExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> codes, checkouts;
        await using (var store = stores.Open())
        {
            codes = await store.FindExpiredCodesAsync(now, 500, cancellationToken);
            checkouts = await store.FindExpiredCheckoutsAsync(now, 500, cancellationToken);
        }
        var closed = 0;
        foreach (var paymentId in codes)
        {
            closed += await flow.ExpireCodeAsync(paymentId, cancellationToken) is null ? 0 : 1;
        }
        foreach (var checkoutId in checkouts)
        {
            closed += await flow.CloseExpiredCheckoutAsync(checkoutId, cancellationToken) ? 1 : 0;
        }
        return closed;
    }
}
