using System.Diagnostics;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Refunds;

/// <summary>
/// Moves refunds through their seven steps: loads, lets <see cref="Payment"/> and <see cref="Refund"/> decide, calls
/// the rail, saves, then publishes. The amount a refund takes is held on the payment in the same save as the refund
/// itself, guarded by the payment's version: parallel requests from two browsers collide at the database, the loser
/// decides again on fresh numbers, and no sum of refunds ever exceeds what was paid. Every request also bumps the
/// merchant's version, so that four-eyes, which counts a staff member's refunds of the day across payments, is decided
/// on numbers no parallel request has changed.
/// </summary>
public sealed class RefundFlow(
    IPaymentStoreFactory stores,
    IPaymentRail rail,
    IRefundNotifier notifier,
    TimeProvider time,
    RefundMetrics metrics)
{
    // Many staff may refund one payment at once; each lost race is one more short, fresh attempt.
    private readonly ConflictRetry _retry = new(50);

    /// <summary>
    /// Steps 1–7 of a refund a Manager or Owner asks for: held and, below the threshold, approved and sent at once
    /// (a real-time payment's refund returns settled; a fast one's returns accepted and is called back). The same
    /// idempotency key again returns the refund it created.
    /// </summary>
    public async Task<RefundSnapshot> RequestAsync(StaffActor by, Guid paymentId, RefundRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(request);
        if (!by.CanManagePayments)
        {
            throw new ForbiddenException("Only a Manager or Owner can refund payments.");
        }
        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 100)
        {
            throw new DomainValidationException(nameof(request.IdempotencyKey), "A request needs an idempotency key of 1 to 100 characters.");
        }

        using var activity = PortalTelemetry.StartRefund("refund.request", null, paymentId);
        var (snapshot, work) = await _retry.RunAsync(() => HoldAsync(by, paymentId, request, activity, cancellationToken), cancellationToken);
        if (work is null)
        {
            return snapshot;
        }
        await using (work)
        {
            return await SendAsync(work, cancellationToken);
        }
    }

    /// <summary>Step 2 by a second Manager or Owner, then steps 3–7 as for a refund below the threshold.</summary>
    public async Task<RefundSnapshot> ApproveAsync(StaffActor approver, Guid refundId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approver);
        using var activity = PortalTelemetry.StartRefund("refund.approve", refundId);
        IPaymentStore? store = stores.Open();
        try
        {
            var (refund, payment, merchant) = await LoadAsync(store, approver.MerchantId, refundId, cancellationToken);
            var now = time.GetUtcNow();
            refund.Approve(approver, now);
            refund.CreateOrder(now);
            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                throw new DomainValidationException(nameof(Refund.Status), "Someone else decided on this refund at the same moment. Reload to see what they did.");
            }
            await notifier.PublishAsync(refund.Snapshot(), cancellationToken);
            await using var work = new RefundWork(store, refund, payment, merchant);
            store = null;
            return await SendAsync(work, cancellationToken);
        }
        finally
        {
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }
    }

    /// <summary>The approver says no: nothing moves and the amount is refundable again.</summary>
    public async Task<RefundSnapshot> RejectAsync(StaffActor approver, Guid refundId, string? note,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (note is { Length: > Refund.MaxNoteLength })
        {
            throw new DomainValidationException(nameof(Refund.Note), $"A note has at most {Refund.MaxNoteLength} characters.");
        }
        using var activity = PortalTelemetry.StartRefund("refund.reject", refundId);
        return await _retry.RunAsync(async () =>
        {
            await using var store = stores.Open();
            var (refund, payment, _) = await LoadAsync(store, approver.MerchantId, refundId, cancellationToken);
            refund.Reject(approver, note, time.GetUtcNow());
            payment.ReleaseRefund(refund);
            await store.SaveChangesAsync(cancellationToken);
            return await CommittedAsync(refund, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Records what the rail said of a refund order: its answer, a signed callback, or the reconciler's query.
    /// Saying the same thing twice changes nothing the second time.
    /// </summary>
    public async Task<RefundSnapshot> RecordRailResultAsync(RailResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var activity = PortalTelemetry.StartRefund("refund.record_result", result.OrderId);
        return await _retry.RunAsync(async () =>
        {
            await using var store = stores.Open();
            var refund = await store.FindRefundAsync(result.OrderId, cancellationToken) ?? throw new NotFoundException("Refund");
            var payment = await store.FindPaymentAsync(refund.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment");
            if (!ApplyRailResult(refund, payment, result))
            {
                return refund.Snapshot();
            }
            await store.SaveChangesAsync(cancellationToken);
            return await CommittedAsync(refund, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Fails a refund whose order the rail will never process: created but never sent, or unknown to the rail after its
    /// acceptance window. Used by the reconciler, never on a guess. Its amount is refundable again.
    /// </summary>
    public async Task<RefundSnapshot?> FailUndeliveredAsync(Guid refundId, CancellationToken cancellationToken = default)
    {
        using var activity = PortalTelemetry.StartRefund("refund.fail_undelivered", refundId);
        return await _retry.RunAsync(async () =>
        {
            await using var store = stores.Open();
            var refund = await store.FindRefundAsync(refundId, cancellationToken);
            if (refund is null || refund.Status != RefundStatus.Processing || refund.Step > RefundStep.OrderSent)
            {
                return null;
            }
            var payment = await store.FindPaymentAsync(refund.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment");
            var now = time.GetUtcNow();
            refund.Fail(FailureReason.Timeout, now);
            payment.ReleaseRefund(refund);
            RailOrderProtocol.AnnounceResult(refund, now);
            await store.SaveChangesAsync(cancellationToken);
            return await CommittedAsync(refund, cancellationToken);
        }, cancellationToken);
    }

    // Step 1, and step 3 when approved at once: the refund held on the payment and saved, with the unit of work that
    // sends it when it goes to the rail now. A lost race at the save ends the attempt; the next decides again on fresh
    // numbers (another refund, or this request's twin, changed the payment first).
    private async Task<(RefundSnapshot Snapshot, RefundWork? Work)> HoldAsync(StaffActor by, Guid paymentId,
        RefundRequest request, Activity? activity, CancellationToken cancellationToken)
    {
        var store = stores.Open();
        var sending = false;
        try
        {
            if (await store.FindRefundByKeyAsync(by.MerchantId, request.IdempotencyKey, cancellationToken) is { } earlier)
            {
                return earlier.PaymentId == paymentId
                    ? (earlier.Snapshot(), null)
                    : throw new DomainValidationException(nameof(request.IdempotencyKey), "This idempotency key was used for another payment's refund.");
            }
            var payment = await store.FindPaymentAsync(paymentId, cancellationToken);
            if (payment is null || payment.MerchantId != by.MerchantId)
            {
                throw new NotFoundException("Payment");
            }
            var merchant = await store.FindMerchantAsync(payment.MerchantId, cancellationToken) ?? throw new NotFoundException("Merchant");
            var now = time.GetUtcNow();
            // What this person moved today without a second pair of eyes: refunds a second Manager or Owner looks
            // at (or will) are outside what four-eyes guards. The merchant's day is the UTC day, as merchants have no
            // time zone yet. Read here and guarded at save by the merchant's version (CountRefundRequest), so
            // parallel requests cannot each count without the others.
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            var actorRefundsToday = Money.FromMinorUnits(
                await store.SumRefundsApprovedAtOnceSinceAsync(by.MerchantId, by.UserId, today, cancellationToken), payment.CurrencyCode);
            var refund = payment.RequestRefund(merchant, by, ReadAmount(payment, request), request.Reason, request.Note,
                request.IdempotencyKey, now, actorRefundsToday);
            merchant.CountRefundRequest();
            if (refund.Status == RefundStatus.Processing)
            {
                refund.CreateOrder(now);
            }
            store.Add(refund);
            await store.SaveChangesAsync(cancellationToken);

            metrics.Requested(refund);
            PortalTelemetry.IdentifyRefund(activity, refund.Id);
            await notifier.PublishAsync(refund.Snapshot(), cancellationToken);
            sending = refund.Status == RefundStatus.Processing;
            return (refund.Snapshot(), sending ? new RefundWork(store, refund, payment, merchant) : null);
        }
        finally
        {
            if (!sending)
            {
                await store.DisposeAsync();
            }
        }
    }

    private static Money ReadAmount(Payment payment, RefundRequest request)
    {
        var currency = Currency.FromCode(payment.CurrencyCode);
        if (request.Currency is { } code && !string.Equals(code.Trim(), currency.Code, StringComparison.Ordinal))
        {
            throw new DomainValidationException(nameof(Refund.Amount), $"A refund is in {currency.Code}, the payment's currency.");
        }
        if (string.IsNullOrWhiteSpace(request.Amount))
        {
            return payment.Refundable;
        }
        return Money.TryParse(request.Amount.Trim(), currency, out var amount)
            ? amount
            : throw new DomainValidationException(nameof(Refund.Amount), currency.MinorUnits == 0
                ? $"Enter a whole amount in {currency.Code}, e.g. 120."
                : $"Enter an amount in {currency.Code} with at most {currency.MinorUnits} decimals, e.g. 12.50.");
    }

    private static async Task<(Refund Refund, Payment Payment, Merchant Merchant)> LoadAsync(IPaymentStore store,
        Guid merchantId, Guid refundId, CancellationToken cancellationToken)
    {
        var refund = await store.FindRefundAsync(refundId, cancellationToken);
        if (refund is null || refund.MerchantId != merchantId)
        {
            throw new NotFoundException("Refund");
        }
        var payment = await store.FindPaymentAsync(refund.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment");
        var merchant = await store.FindMerchantAsync(refund.MerchantId, cancellationToken) ?? throw new NotFoundException("Merchant");
        return (refund, payment, merchant);
    }

    // Step 4 is saved before the order leaves, so a crash after sending leaves a refund the reconciler will ask about.
    private async Task<RefundSnapshot> SendAsync(RefundWork work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        work.Refund.MarkSent(now);
        try
        {
            await work.Store.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The reconciler touched it meanwhile: whatever it decided stands.
            await using var fresh = stores.Open();
            return (await fresh.FindRefundAsync(work.Refund.Id, cancellationToken))!.Snapshot();
        }
        await notifier.PublishAsync(work.Refund.Snapshot(), cancellationToken);

        var order = new RefundOrder(work.Refund.OrderId, work.Payment.OrderId, AccountNumber.Parse(work.Merchant.SettlementAccount),
            work.Refund.Amount, $"Refund of {work.Payment.OrderId:N}", now, work.Refund.Method);
        RailResult result;
        try
        {
            result = await rail.SubmitRefundAsync(order, cancellationToken);
        }
        catch (RailUnavailableException)
        {
            return work.Refund.Snapshot();
        }

        if (!ApplyRailResult(work.Refund, work.Payment, result))
        {
            return work.Refund.Snapshot();
        }
        try
        {
            await work.Store.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another refund of the same payment saved first: record this answer on fresh numbers.
            return await RecordRailResultAsync(result, cancellationToken);
        }
        return await CommittedAsync(work.Refund, cancellationToken);
    }

    // Steps 5–7 on loaded entities (RailOrderProtocol.Apply), and the payment's held amount settled or freed by the
    // result; false when the result adds nothing.
    private bool ApplyRailResult(Refund refund, Payment payment, RailResult result)
    {
        var now = time.GetUtcNow();
        if (!RailOrderProtocol.Apply(refund, result, now))
        {
            return false;
        }
        if (refund.Status == RefundStatus.Succeeded)
        {
            payment.SettleRefund(refund);
        }
        else if (refund.Status == RefundStatus.Failed)
        {
            payment.ReleaseRefund(refund);
        }
        return true;
    }

    // After the commit of a change to the refund: counts it when it was the refund's result, then publishes it (its step
    // 7, when it has a result, was saved with it: RailOrderProtocol.AnnounceResult). As for payments
    // (PaymentOutcomes.CommittedAsync), each commit that changes a refund's status passes here once.
    private async Task<RefundSnapshot> CommittedAsync(Refund refund, CancellationToken cancellationToken)
    {
        metrics.Committed(refund);
        var snapshot = refund.Snapshot();
        await notifier.PublishAsync(snapshot, cancellationToken);
        return snapshot;
    }

    // The unit of work of one refund on its way to the rail: its store and what it tracks.
    private sealed class RefundWork(IPaymentStore store, Refund refund, Payment payment, Merchant merchant) : IAsyncDisposable
    {
        public IPaymentStore Store { get; } = store;

        public Refund Refund { get; } = refund;

        public Payment Payment { get; } = payment;

        public Merchant Merchant { get; } = merchant;

        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }
}
