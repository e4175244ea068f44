using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Rails;
using Portal.Domain.Telemetry;

namespace Portal.Domain.Payments;

/// <summary>
/// Moves a payment through the seven steps as the customer takes them: the method chosen, a quote for an account in
/// another currency, the details entered and the order created, sent and answered. Loads, lets the entities decide,
/// calls the rail, saves, then publishes. Every save is a unit of work guarded by version tokens, so that parallel
/// submissions of one checkout collide at the database and exactly one order reaches the rail. What the rail says
/// later is <see cref="PaymentOutcomes"/>' to record.
/// </summary>
public sealed class PaymentFlow(
    IPaymentStoreFactory stores,
    IPaymentRail rail,
    IPaymentNotifier notifier,
    TimeProvider time,
    PaymentMetrics metrics,
    PaymentOutcomes outcomes)
{
    private readonly ConflictRetry _retry = new(5);

    /// <summary>Step 1: the customer picked a method on the checkout page.</summary>
    public async Task<PaymentSnapshot> ChooseMethodAsync(string token, PaymentMethod method, CancellationToken cancellationToken = default)
    {
        using var activity = PortalTelemetry.StartPayment("payment.start", null, method);
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutByTokenAsync(token, cancellationToken) ?? throw new NotFoundException("Checkout");
        // A QR code lives as long as its merchant says; a real-time attempt needs no such limit.
        var merchant = method == PaymentMethod.Fast ? await store.FindMerchantAsync(checkout.MerchantId, cancellationToken) : null;
        var payment = checkout.StartPayment(method, time.GetUtcNow(), merchant?.FastPaymentLifetime);
        PortalTelemetry.Identify(activity, payment.Id);
        store.Add(payment);
        await store.SaveChangesAsync(cancellationToken);
        metrics.Started(method);
        var snapshot = payment.Snapshot(checkout.Token);
        await notifier.PublishAsync(snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>
    /// Steps 2–7 of a real-time payment. Returns when the rail has answered, or, when its answer is unknown
    /// (timeout), with the payment still processing: the reconciler finishes it.
    /// </summary>
    /// <remarks>
    /// Two commits carry the payment through, in one unit of work: steps 2–4 (details, order created, order sent) before
    /// the order leaves, and steps 5–7 with the rail's answer. Steps 3 and 4 share a commit because nothing happens
    /// between them that another process could see or need: the order leaves only once it is durably sent, which is what
    /// step 4's commit guarantees; a crash before it leaves is a sent order unknown to the rail, which the reconciler
    /// fails after the rail's acceptance window. After the first save the tracked versions are the saved ones, so the
    /// version tokens guard the second as a reload would; only a lost race falls back to reloading and deciding again.
    /// </remarks>
    public Task<PaymentSnapshot> PayRealTimeAsync(Guid paymentId, PayerDetails payer, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        PayAsync(paymentId, PaymentMethod.RealTime, payer, idempotencyKey, cancellationToken);

    /// <summary>
    /// Steps 2–5 of a fast payment, approved in the wallet: the fast rail accepts at once (verified, step 5) and the
    /// result arrives later as a signed callback (<see cref="PaymentOutcomes.RecordRailResultAsync"/>) or the reconciler's query.
    /// An expired code is refused and fails the attempt; nothing is sent.
    /// </summary>
    public Task<PaymentSnapshot> ApproveFastAsync(Guid paymentId, PayerDetails payer, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        PayAsync(paymentId, PaymentMethod.Fast, payer, idempotencyKey, cancellationToken);

    /// <summary>
    /// Cross-border step 3, before the payer confirms: asks the rail's FX provider what the holder of
    /// <paramref name="payerAccount"/> would pay in their account's currency, and keeps the quote on the payment so that
    /// the page and the wallet show both amounts, the rate and the fee, and the order can carry it. An account in the
    /// payment's own currency withdraws any earlier quote. A currency the merchant does not take, or one the provider
    /// does not convert, is refused with a message for the payer; nothing is kept. Only before anything was sent: a
    /// payment past step 1 is returned as it is.
    /// </summary>
    public async Task<PaymentSnapshot> QuoteAsync(Guid paymentId, AccountNumber payerAccount, CancellationToken cancellationToken = default)
    {
        using var activity = PortalTelemetry.StartPayment("payment.quote", paymentId);
        await using var store = stores.Open();
        var (payment, checkout) = await store.FindPaymentAndCheckoutAsync(paymentId, cancellationToken)
            ?? throw new NotFoundException("Payment");
        if (payment.Status != PaymentStatus.Started || payment.Step != PaymentStep.MethodChosen)
        {
            return payment.Snapshot(checkout.Token);
        }
        var merchant = await store.FindMerchantAsync(payment.MerchantId, cancellationToken) ?? throw new NotFoundException("Merchant");

        var quote = await rail.QuoteAsync(new QuoteRequest(payerAccount, AccountNumber.Parse(merchant.SettlementAccount), payment.Amount),
            cancellationToken);
        if (quote is null)
        {
            if (!payment.IsCrossBorder)
            {
                return payment.Snapshot(checkout.Token);
            }
            payment.WithdrawQuote();
        }
        else if (!merchant.AcceptsPayerCurrency(quote.PayerCurrency))
        {
            throw new DomainValidationException("Account", $"{merchant.Name} does not take payments from {quote.PayerCurrency.Code} accounts.");
        }
        else
        {
            payment.OfferQuote(quote, time.GetUtcNow());
        }
        // A lost race here means the payment moved on (submitted, abandoned): the caller reads it again.
        await store.SaveChangesAsync(cancellationToken);
        metrics.Quoted(payment);
        var snapshot = payment.Snapshot(checkout.Token);
        await notifier.PublishAsync(snapshot, cancellationToken);
        return snapshot;
    }

    private async Task<PaymentSnapshot> PayAsync(Guid paymentId, PaymentMethod method, PayerDetails payer, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        // One span from the details to the result: the rail's HTTP call is its child, and the bank's side joins it.
        using var activity = PortalTelemetry.StartPayment("payment.pay", paymentId, method);
        try
        {
            var work = await CreateOrderAsync(paymentId, method, payer, idempotencyKey, cancellationToken);
            try
            {
                if (work.Order is null)
                {
                    return work.Snapshot;
                }
                return await SendAsync(work, cancellationToken);
            }
            finally
            {
                await work.DisposeAsync();
            }
        }
        catch (Exception e) when (PortalTelemetry.Failed(activity, e))
        {
            throw;
        }
    }

    // Steps 2–4. Returns the open unit of work and the order to send, or no order with the payment's state when there
    // is nothing to send: refused at step 3, or the same submission seen twice (double click, two tabs).
    private Task<RealTimeWork> CreateOrderAsync(Guid paymentId, PaymentMethod method, PayerDetails payer,
        string idempotencyKey, CancellationToken cancellationToken) =>
        _retry.RunAsync(async () =>
        {
            var store = stores.Open();
            try
            {
                var (payment, checkout) = await store.FindPaymentAndCheckoutAsync(paymentId, cancellationToken)
                    ?? throw new NotFoundException("Payment");
                if (payment.Method != method)
                {
                    throw new DomainValidationException("Method", $"This payment is a {payment.Method} payment.");
                }
                if (payment.Status != PaymentStatus.Started || payment.Step != PaymentStep.MethodChosen)
                {
                    // Already submitted, by this request's twin or an earlier one: report, never start a second order.
                    return new RealTimeWork(store, payment, checkout, payment.Snapshot(checkout.Token), null);
                }

                var merchant = await store.FindMerchantAsync(payment.MerchantId, cancellationToken) ?? throw new NotFoundException("Merchant");
                var now = time.GetUtcNow();
                FailureReason? refusal;
                if (payment.IsExpiredAt(now))
                {
                    // A QR code approved after its time: refused before any detail is taken.
                    payment.Expire(now);
                    refusal = FailureReason.Expired;
                }
                else
                {
                    // Before anything changes: a quote the payer did not confirm, or one that expired, sends them back
                    // to the amount in their currency, and the payment stays as it was.
                    payment.CheckConfirmedQuote(payer.ConfirmedQuoteId, now);
                    payment.EnterDetails(payer.Account, idempotencyKey, now);
                    refusal = checkout.TryReserve(payment, now);
                    if (refusal is null)
                    {
                        payment.CreateOrder(now);
                        payment.MarkSent(now);
                    }
                    else
                    {
                        payment.Fail(refusal, now);
                    }
                }
                RailOrderProtocol.AnnounceResult(payment, now);

                // A lost race here (the payment was submitted by a twin, or another payment reserved the checkout) ends
                // this attempt: the next decides again on fresh state.
                await store.SaveChangesAsync(cancellationToken);

                var snapshot = payment.Snapshot(checkout.Token);
                if (refusal is not null)
                {
                    return new RealTimeWork(store, payment, checkout,
                        await outcomes.CommittedAsync(payment, checkout.Token, cancellationToken), null);
                }
                await notifier.PublishAsync(snapshot, cancellationToken);
                var order = new PaymentOrder(payment.OrderId, AccountNumber.Parse(merchant.SettlementAccount), payer.Account,
                    payer.Pin, payment.Amount, checkout.MerchantReference ?? checkout.Description, now, payment.Method, payment.Quote);
                return new RealTimeWork(store, payment, checkout, snapshot, order);
            }
            catch
            {
                await store.DisposeAsync();
                throw;
            }
        }, cancellationToken);

    // Step 4 was saved before the order leaves, so a crash after sending leaves a payment the reconciler will ask about.
    // Steps 5–7 go on in the same unit of work; a lost race at their save decides again, as a callback would.
    private async Task<PaymentSnapshot> SendAsync(RealTimeWork work, CancellationToken cancellationToken)
    {
        var sent = work.Snapshot;
        var order = work.Order!;

        RailResult result;
        try
        {
            result = await rail.SubmitAsync(order, cancellationToken);
        }
        catch (RailUnavailableException)
        {
            return sent;
        }

        if (!outcomes.Apply(work.Payment, work.Checkout, result))
        {
            return work.Payment.Snapshot(work.Checkout.Token);
        }
        try
        {
            await work.Store.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A callback or the reconciler recorded a result first: decide again on what it saved.
            return await outcomes.RecordRailResultAsync(result, cancellationToken);
        }
        return await outcomes.CommittedAsync(work.Payment, work.Checkout.Token, cancellationToken);
    }

    // The unit of work of one real-time submission: its store and what it tracks, and the order to send, if any.
    private sealed class RealTimeWork(IPaymentStore store, Payment payment, Checkout checkout, PaymentSnapshot snapshot,
        PaymentOrder? order) : IAsyncDisposable
    {
        public IPaymentStore Store { get; } = store;

        public Payment Payment { get; } = payment;

        public Checkout Checkout { get; } = checkout;

        public PaymentSnapshot Snapshot { get; } = snapshot;

        public PaymentOrder? Order { get; } = order;

        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }
}
