using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Rails;

namespace Portal.Domain.Payments;

/// <summary>
/// Moves payments through the seven steps: loads, lets the entities decide, calls the rail, saves, then publishes.
/// Every save is a unit of work guarded by version tokens, so that parallel submissions of one checkout collide at
/// the database and exactly one order reaches the rail.
/// </summary>
public sealed class CheckoutFlow(
    IPaymentStoreFactory stores,
    IPaymentRail rail,
    IPaymentNotifier notifier,
    TimeProvider time,
    PaymentFlowOptions options)
{
    private const int MaxConflictRetries = 5;

    public async Task<Checkout> CreateCheckoutAsync(Guid merchantId, CheckoutRequest request, string? createdBy,
        CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var merchant = await store.FindMerchantAsync(merchantId, cancellationToken) ?? throw new NotFoundException("Merchant");
        var checkout = Checkout.Create(merchant, request, time.GetUtcNow(), createdBy);
        store.Add(checkout);
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }

    /// <summary>Step 1: the customer picked a method on the checkout page.</summary>
    public async Task<PaymentSnapshot> ChooseMethodAsync(string token, PaymentMethod method, CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutByTokenAsync(token, cancellationToken) ?? throw new NotFoundException("Checkout");
        var payment = checkout.StartPayment(method, time.GetUtcNow());
        store.Add(payment);
        await store.SaveChangesAsync(cancellationToken);
        var snapshot = payment.Snapshot(checkout.Token);
        await notifier.PublishAsync(snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>
    /// Steps 2–7 of a real-time payment. Returns when the rail has answered, or, when its answer is unknown
    /// (timeout), with the payment still processing: the reconciler finishes it.
    /// </summary>
    public async Task<PaymentSnapshot> PayRealTimeAsync(Guid paymentId, PayerDetails payer, string idempotencyKey,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payer);
        var (snapshot, order) = await CreateOrderAsync(paymentId, PaymentMethod.RealTime, payer, idempotencyKey, cancellationToken);
        if (order is null)
        {
            return snapshot;
        }
        return await SendAsync(paymentId, order, cancellationToken);
    }

    /// <summary>
    /// Records what the rail said of an order: its synchronous answer, a signed callback, or the reconciler's query.
    /// Saying the same thing twice changes nothing the second time.
    /// </summary>
    public async Task<PaymentSnapshot> RecordRailResultAsync(RailResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        for (var attempt = 0; ; attempt++)
        {
            await using var store = stores.Open();
            var payment = await store.FindPaymentAsync(result.OrderId, cancellationToken) ?? throw new NotFoundException("Payment");
            var checkout = await store.FindCheckoutAsync(payment.CheckoutId, cancellationToken) ?? throw new NotFoundException("Checkout");
            if (payment.Status != PaymentStatus.Processing ||
                (result.Status == RailOrderStatus.Accepted && payment.Step >= PaymentStep.PayeeVerified))
            {
                return payment.Snapshot(checkout.Token);
            }

            var now = time.GetUtcNow();
            payment.RecordRailResult(result, now);
            if (payment.Status == PaymentStatus.Succeeded)
            {
                checkout.MarkPaid(payment, now);
            }
            else if (payment.Status == PaymentStatus.Failed)
            {
                checkout.Release(payment);
            }

            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                continue;
            }
            return await PublishAsync(payment.Snapshot(checkout.Token), cancellationToken);
        }
    }

    /// <summary>
    /// Fails a payment whose order the rail will never process: created but never sent, or sent but unknown to the
    /// rail after its acceptance window. Used by the reconciler, never on a guess.
    /// </summary>
    public async Task<PaymentSnapshot?> FailUndeliveredAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var store = stores.Open();
            var payment = await store.FindPaymentAsync(paymentId, cancellationToken);
            if (payment is null || payment.Status != PaymentStatus.Processing || payment.Step > PaymentStep.OrderSent)
            {
                return null;
            }
            var checkout = await store.FindCheckoutAsync(payment.CheckoutId, cancellationToken) ?? throw new NotFoundException("Checkout");
            payment.Fail(FailureReason.Timeout, time.GetUtcNow());
            checkout.Release(payment);
            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                continue;
            }
            return await PublishAsync(payment.Snapshot(checkout.Token), cancellationToken);
        }
    }

    internal TimeSpan RailAcceptanceWindow => options.RailAcceptanceWindow;

    // Steps 2 and 3 in one unit of work. Returns the order to send, or null with the payment's state when there is
    // nothing to send: refused at step 3, or the same submission seen twice (double click, two tabs).
    private async Task<(PaymentSnapshot Snapshot, PaymentOrder? Order)> CreateOrderAsync(Guid paymentId, PaymentMethod method,
        PayerDetails payer, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        for (var attempt = 0; ; attempt++)
        {
            await using var store = stores.Open();
            var payment = await store.FindPaymentAsync(paymentId, cancellationToken) ?? throw new NotFoundException("Payment");
            var checkout = await store.FindCheckoutAsync(payment.CheckoutId, cancellationToken) ?? throw new NotFoundException("Checkout");
            if (payment.Method != method)
            {
                throw new DomainValidationException("Method", $"This payment is a {payment.Method} payment.");
            }
            if (payment.Status != PaymentStatus.Started || payment.Step != PaymentStep.MethodChosen)
            {
                // Already submitted, by this request's twin or an earlier one: report, never start a second order.
                return (payment.Snapshot(checkout.Token), null);
            }

            var merchant = await store.FindMerchantAsync(payment.MerchantId, cancellationToken) ?? throw new NotFoundException("Merchant");
            var now = time.GetUtcNow();
            payment.EnterDetails(payer.Account, idempotencyKey, now);
            var refusal = checkout.TryReserve(payment, now);
            if (refusal is null)
            {
                payment.CreateOrder(now);
            }
            else
            {
                payment.Fail(refusal, now);
            }

            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // The payment was submitted by a twin, or another payment reserved the checkout: decide again on fresh state.
                continue;
            }

            var snapshot = payment.Snapshot(checkout.Token);
            if (refusal is not null)
            {
                return (await PublishAsync(snapshot, cancellationToken), null);
            }
            await notifier.PublishAsync(snapshot, cancellationToken);
            var order = new PaymentOrder(payment.OrderId, AccountNumber.Parse(merchant.SettlementAccount), payer.Account,
                payer.Pin, payment.Amount, checkout.MerchantReference ?? checkout.Description, now);
            return (snapshot, order);
        }
    }

    // Step 4 is saved before the order leaves, so a crash after sending leaves a payment the reconciler will ask about.
    private async Task<PaymentSnapshot> SendAsync(Guid paymentId, PaymentOrder order, CancellationToken cancellationToken)
    {
        PaymentSnapshot sent;
        await using (var store = stores.Open())
        {
            var payment = await store.FindPaymentAsync(paymentId, cancellationToken) ?? throw new NotFoundException("Payment");
            var checkout = await store.FindCheckoutAsync(payment.CheckoutId, cancellationToken) ?? throw new NotFoundException("Checkout");
            var now = time.GetUtcNow();
            payment.MarkSent(now);
            await store.SaveChangesAsync(cancellationToken);
            sent = payment.Snapshot(checkout.Token);
            order = order with { CreatedAt = now };
        }
        await notifier.PublishAsync(sent, cancellationToken);

        RailResult result;
        try
        {
            result = await rail.SubmitAsync(order, cancellationToken);
        }
        catch (RailUnavailableException)
        {
            return sent;
        }
        return await RecordRailResultAsync(result, cancellationToken);
    }

    // The result goes out first, so the customer sees it at once; step 7 records that it went out, then goes out too.
    private async Task<PaymentSnapshot> PublishAsync(PaymentSnapshot snapshot, CancellationToken cancellationToken)
    {
        await notifier.PublishAsync(snapshot, cancellationToken);
        if (snapshot.Status is not (PaymentStatus.Succeeded or PaymentStatus.Failed))
        {
            return snapshot;
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var store = stores.Open();
            var payment = await store.FindPaymentAsync(snapshot.PaymentId, cancellationToken) ?? throw new NotFoundException("Payment");
            if (payment.NotifiedAt is not null)
            {
                return payment.Snapshot(snapshot.CheckoutToken);
            }
            payment.MarkNotified(time.GetUtcNow());
            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                continue;
            }
            var notified = payment.Snapshot(snapshot.CheckoutToken);
            await notifier.PublishAsync(notified, cancellationToken);
            return notified;
        }
    }
}
