using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Rails;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Payments;

/// <summary>
/// Records how payments end when the customer is not the one moving them: the rail's word on an order (its answer, a
/// signed callback, the reconciler's query), one at a time or in batches; an order the rail never got; a QR code
/// that ran out unapproved. Each change is committed with its step 7 and published after the commit, once.
/// </summary>
public sealed class PaymentOutcomes(
    IPaymentStoreFactory stores,
    IPaymentNotifier notifier,
    TimeProvider time,
    PaymentMetrics metrics)
{
    private readonly ConflictRetry _retry = new(5);

    /// <summary>
    /// Records what the rail said of an order: its synchronous answer, a signed callback, or the reconciler's query.
    /// Saying the same thing twice changes nothing the second time.
    /// </summary>
    public async Task<PaymentSnapshot> RecordRailResultAsync(RailResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var activity = PortalTelemetry.StartPayment("payment.record_result", result.OrderId);
        return await _retry.RunAsync(async () =>
        {
            await using var store = stores.Open();
            var (payment, checkout) = await store.FindPaymentAndCheckoutAsync(result.OrderId, cancellationToken)
                ?? throw new NotFoundException("Payment");
            if (!Apply(payment, checkout, result))
            {
                return payment.Snapshot(checkout.Token);
            }
            await store.SaveChangesAsync(cancellationToken);
            return await CommittedAsync(payment, checkout.Token, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Records several rail results in one unit of work: one read of their payments and checkouts, one commit, then
    /// each changed payment published. Under a burst of callbacks most of a result's cost was its own read, transaction
    /// and commit, so results that arrive together are saved together. Returns each result's payment as recorded, in
    /// order, or null where no payment has that order id.
    /// </summary>
    /// <remarks>
    /// A lost race anywhere in the batch rolls the whole commit back; every result is then recorded on its own
    /// (<see cref="RecordRailResultAsync"/>), deciding again on fresh state, so one conflict never drops the others.
    /// </remarks>
    public async Task<IReadOnlyList<PaymentSnapshot?>> RecordRailResultsAsync(IReadOnlyList<RailResult> results,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        // One span per batch: the callbacks it records arrived as requests of their own.
        using var activity = PortalTelemetry.Source.StartActivity("payment.record_results");
        activity?.SetTag("portal.rail.results", results.Count);
        var recorded = new PaymentSnapshot?[results.Count];
        var changed = new List<PaymentAndCheckout>(results.Count);
        await using (var store = stores.Open())
        {
            var orderIds = new HashSet<Guid>(results.Count);
            foreach (var result in results)
            {
                orderIds.Add(result.OrderId);
            }
            var found = new Dictionary<Guid, PaymentAndCheckout>(results.Count);
            foreach (var pair in await store.FindPaymentsAndCheckoutsAsync(orderIds, cancellationToken))
            {
                found[pair.Payment.Id] = pair;
            }
            foreach (var result in results)
            {
                // The same callback twice in one batch applies once: the second finds the payment final already.
                if (found.TryGetValue(result.OrderId, out var pair) && Apply(pair.Payment, pair.Checkout, result))
                {
                    changed.Add(pair);
                }
            }

            var saved = true;
            if (changed.Count > 0)
            {
                try
                {
                    await store.SaveChangesAsync(cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    saved = false;
                }
            }
            if (saved)
            {
                for (var i = 0; i < results.Count; i++)
                {
                    recorded[i] = found.TryGetValue(results[i].OrderId, out var pair) ? pair.Payment.Snapshot(pair.Checkout.Token) : null;
                }
                foreach (var pair in changed)
                {
                    await CommittedAsync(pair.Payment, pair.Checkout.Token, cancellationToken);
                }
                return recorded;
            }
        }

        for (var i = 0; i < results.Count; i++)
        {
            try
            {
                recorded[i] = await RecordRailResultAsync(results[i], cancellationToken);
            }
            catch (NotFoundException)
            {
                recorded[i] = null;
            }
        }
        return recorded;
    }

    /// <summary>
    /// Fails a payment whose order the rail will never process: created but never sent, or sent but unknown to the
    /// rail after its acceptance window. Used by the reconciler, never on a guess.
    /// </summary>
    public async Task<PaymentSnapshot?> FailUndeliveredAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        using var activity = PortalTelemetry.StartPayment("payment.fail_undelivered", paymentId);
        return await _retry.RunAsync(async () =>
        {
            await using var store = stores.Open();
            var found = await store.FindPaymentAndCheckoutAsync(paymentId, cancellationToken);
            if (found is not { Payment.Status: PaymentStatus.Processing, Payment.Step: <= PaymentStep.OrderSent })
            {
                return null;
            }
            var (payment, checkout) = found;
            var now = time.GetUtcNow();
            payment.Fail(FailureReason.Timeout, now);
            checkout.Release(payment);
            RailOrderProtocol.AnnounceResult(payment, now);
            await store.SaveChangesAsync(cancellationToken);
            return await CommittedAsync(payment, checkout.Token, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Closes a fast payment whose QR code expired unapproved, so pages and wallet read it as expired.</summary>
    public async Task<PaymentSnapshot?> ExpireCodeAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        using var activity = PortalTelemetry.StartPayment("payment.expire_code", paymentId, PaymentMethod.Fast);
        await using var store = stores.Open();
        var found = await store.FindPaymentAndCheckoutAsync(paymentId, cancellationToken);
        var now = time.GetUtcNow();
        if (found is null || !found.Payment.IsExpiredAt(now))
        {
            return null;
        }
        var (payment, checkout) = found;
        payment.Expire(now);
        RailOrderProtocol.AnnounceResult(payment, now);
        try
        {
            await store.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Approved or expired by someone else meanwhile: their word stands.
            return null;
        }
        return await CommittedAsync(payment, checkout.Token, cancellationToken);
    }

    /// <summary>
    /// Steps 5–7 on loaded entities (<see cref="RailOrderProtocol.Apply"/>), and the checkout paid or freed by the result;
    /// false when the result adds nothing.
    /// </summary>
    internal bool Apply(Payment payment, Checkout checkout, RailResult result)
    {
        var now = time.GetUtcNow();
        if (!RailOrderProtocol.Apply(payment, result, now))
        {
            return false;
        }
        if (payment.Status == PaymentStatus.Succeeded)
        {
            checkout.MarkPaid(payment, now);
        }
        else if (payment.Status == PaymentStatus.Failed)
        {
            checkout.Release(payment);
        }
        return true;
    }

    /// <summary>
    /// After the commit of a change to the payment: counts it when it was the payment's result, then publishes it (its
    /// step 7, when it has a result, was saved with it). Every commit that changes a payment's status passes here
    /// exactly once, and a payment final before the commit cannot have been changed by it (the entity refuses), so a
    /// final status here is this commit's doing.
    /// </summary>
    internal async Task<PaymentSnapshot> CommittedAsync(Payment payment, string checkoutToken, CancellationToken cancellationToken)
    {
        metrics.Committed(payment);
        var snapshot = payment.Snapshot(checkoutToken);
        await notifier.PublishAsync(snapshot, cancellationToken);
        return snapshot;
    }
}
