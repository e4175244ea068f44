using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Merchants;
using Portal.Domain.Rails;
using Portal.Domain.Telemetry;

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
    PaymentFlowOptions options,
    PaymentMetrics metrics)
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

    /// <summary>
    /// A customer typed an amount after scanning the merchant's store QR code: a one-time checkout for it, which the
    /// customer then pays at <c>/pay/{token}</c> like any other. An unknown or switched-off store code is not found.
    /// </summary>
    public async Task<Checkout> CreateStoreCheckoutAsync(string storeToken, decimal amount, CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var merchant = await store.FindMerchantByStoreTokenAsync(storeToken, cancellationToken) ?? throw new NotFoundException("Store code");
        var checkout = Checkout.CreateAtStore(merchant, amount, time.GetUtcNow());
        store.Add(checkout);
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }

    /// <summary>Staff stop a payment link taking payments; the checkout decides whether it may (<see cref="Checkout.Deactivate"/>).</summary>
    public async Task<Checkout> DeactivateCheckoutAsync(StaffActor actor, Guid checkoutId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutAsync(checkoutId, cancellationToken) ?? throw new NotFoundException("Payment link");
        checkout.Deactivate(actor, time.GetUtcNow());
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }

    /// <summary>Staff reopen a link that refused PINs locked; the checkout decides whether it may (<see cref="Checkout.Reopen"/>).</summary>
    public async Task<Checkout> ReopenCheckoutAsync(StaffActor actor, Guid checkoutId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutAsync(checkoutId, cancellationToken) ?? throw new NotFoundException("Payment link");
        checkout.Reopen(actor, time.GetUtcNow());
        await store.SaveChangesAsync(cancellationToken);
        return checkout;
    }

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
    /// One unit of work carries the payment through: what steps 2–3 loaded stays tracked for steps 4, 5–6 and 7, and
    /// each step is still saved before the next (after a save the tracked versions are the saved ones, so the version
    /// tokens guard every later save as a reload would). Only a lost race falls back to reloading and deciding again.
    /// </remarks>
    public Task<PaymentSnapshot> PayRealTimeAsync(Guid paymentId, PayerDetails payer, string idempotencyKey,
        CancellationToken cancellationToken = default) =>
        PayAsync(paymentId, PaymentMethod.RealTime, payer, idempotencyKey, cancellationToken);

    /// <summary>
    /// Steps 2–5 of a fast payment, approved in the wallet: the fast rail accepts at once (verified, step 5) and the
    /// result arrives later as a signed callback (<see cref="RecordRailResultAsync"/>) or the reconciler's query.
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
        AnnounceResult(payment, now);
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

    /// <summary>Closes an open checkout whose time is up, unless a payment holds it.</summary>
    public async Task<bool> CloseExpiredCheckoutAsync(Guid checkoutId, CancellationToken cancellationToken = default)
    {
        await using var store = stores.Open();
        var checkout = await store.FindCheckoutAsync(checkoutId, cancellationToken);
        if (checkout is null || !checkout.CloseIfExpired(time.GetUtcNow()))
        {
            return false;
        }
        try
        {
            await store.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
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

    /// <summary>
    /// Records what the rail said of an order: its synchronous answer, a signed callback, or the reconciler's query.
    /// Saying the same thing twice changes nothing the second time.
    /// </summary>
    public async Task<PaymentSnapshot> RecordRailResultAsync(RailResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var activity = PortalTelemetry.StartPayment("payment.record_result", result.OrderId);
        for (var attempt = 0; ; attempt++)
        {
            await using var store = stores.Open();
            var (payment, checkout) = await store.FindPaymentAndCheckoutAsync(result.OrderId, cancellationToken)
                ?? throw new NotFoundException("Payment");
            if (!ApplyRailResult(payment, checkout, result))
            {
                return payment.Snapshot(checkout.Token);
            }

            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                continue;
            }
            return await CommittedAsync(payment, checkout.Token, cancellationToken);
        }
    }

    /// <summary>
    /// Records several rail results in one unit of work: one read of their payments and checkouts, one commit, then
    /// each changed payment published. Under a burst of callbacks most of a result's cost was its own read, transaction
    /// and commit, so results that arrive together are saved together. Returns each result's payment as recorded, in
    /// order, or null where no payment has that order id (it may be a refund's).
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
                if (found.TryGetValue(result.OrderId, out var pair) && ApplyRailResult(pair.Payment, pair.Checkout, result))
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
        for (var attempt = 0; ; attempt++)
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
            AnnounceResult(payment, now);
            try
            {
                await store.SaveChangesAsync(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                continue;
            }
            return await CommittedAsync(payment, checkout.Token, cancellationToken);
        }
    }

    internal TimeSpan RailAcceptanceWindow => options.RailAcceptanceWindow;

    // Steps 2 and 3. Returns the open unit of work and the order to send, or no order with the payment's state when
    // there is nothing to send: refused at step 3, or the same submission seen twice (double click, two tabs).
    private async Task<RealTimeWork> CreateOrderAsync(Guid paymentId, PaymentMethod method, PayerDetails payer,
        string idempotencyKey, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
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
                    }
                    else
                    {
                        payment.Fail(refusal, now);
                    }
                }
                AnnounceResult(payment, now);

                try
                {
                    await store.SaveChangesAsync(cancellationToken);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
                {
                    // The payment was submitted by a twin, or another payment reserved the checkout: decide again on fresh state.
                    await store.DisposeAsync();
                    continue;
                }

                var snapshot = payment.Snapshot(checkout.Token);
                if (refusal is not null)
                {
                    return new RealTimeWork(store, payment, checkout,
                        await CommittedAsync(payment, checkout.Token, cancellationToken), null);
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
        }
    }

    // Step 4 is saved before the order leaves, so a crash after sending leaves a payment the reconciler will ask about.
    // Steps 5–7 go on in the same unit of work; a lost race at any save reloads and decides again, as a callback would.
    private async Task<PaymentSnapshot> SendAsync(RealTimeWork work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        work.Payment.MarkSent(now);
        try
        {
            await work.Store.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else changed the payment since step 3 (the reconciler, a callback): take step 4 on fresh state.
            await work.ReopenAsync(stores.Open(), cancellationToken);
            now = time.GetUtcNow();
            work.Payment.MarkSent(now);
            await work.Store.SaveChangesAsync(cancellationToken);
        }
        var sent = work.Payment.Snapshot(work.Checkout.Token);
        var order = work.Order! with { CreatedAt = now };
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

        if (!ApplyRailResult(work.Payment, work.Checkout, result))
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
            return await RecordRailResultAsync(result, cancellationToken);
        }
        return await CommittedAsync(work.Payment, work.Checkout.Token, cancellationToken);
    }

    // Steps 5 and 6 on loaded entities; false when the result adds nothing (already final, or an acceptance repeated).
    private bool ApplyRailResult(Payment payment, Checkout checkout, RailResult result)
    {
        if (payment.Status != PaymentStatus.Processing ||
            (result.Status == RailOrderStatus.Accepted && payment.Step >= PaymentStep.PayeeVerified))
        {
            return false;
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
        AnnounceResult(payment, now);
        return true;
    }

    // Step 7 is committed with the result it announces, and the result is published right after that commit. The
    // push is an in-process fan-out to the watchers' circuits that cannot fail on its own, and a process that dies
    // between the commit and the push takes those circuits with it: every page that could miss the push reads the
    // saved result when it reconnects. Saving step 7 on its own would cost a second commit and a second render of
    // every watching page per result, which is what capped the waiting pages' push latency (README, capacity).
    private static void AnnounceResult(Payment payment, DateTimeOffset now)
    {
        if (payment.Status is PaymentStatus.Succeeded or PaymentStatus.Failed && payment.NotifiedAt is null)
        {
            payment.MarkNotified(now);
        }
    }

    // After the commit of a change to the payment: counts it when it was the payment's result, then publishes it (its
    // step 7, when it has a result, was saved with it: AnnounceResult). Every commit that changes a payment's status
    // passes here exactly once, and a payment final before the commit cannot have been changed by it (the entity
    // refuses), so a final status here is this commit's doing.
    private async Task<PaymentSnapshot> CommittedAsync(Payment payment, string checkoutToken, CancellationToken cancellationToken)
    {
        metrics.Committed(payment);
        var snapshot = payment.Snapshot(checkoutToken);
        await notifier.PublishAsync(snapshot, cancellationToken);
        return snapshot;
    }

    // The unit of work of one real-time submission: its store and what it tracks, and the order to send, if any.
    private sealed class RealTimeWork(IPaymentStore store, Payment payment, Checkout checkout, PaymentSnapshot snapshot,
        PaymentOrder? order) : IAsyncDisposable
    {
        public IPaymentStore Store { get; private set; } = store;

        public Payment Payment { get; private set; } = payment;

        public Checkout Checkout { get; private set; } = checkout;

        public PaymentSnapshot Snapshot { get; } = snapshot;

        public PaymentOrder? Order { get; } = order;

        /// <summary>Drops what a lost race made stale and reloads payment and checkout in a fresh store.</summary>
        public async Task ReopenAsync(IPaymentStore fresh, CancellationToken cancellationToken)
        {
            await Store.DisposeAsync();
            Store = fresh;
            (Payment, Checkout) = await fresh.FindPaymentAndCheckoutAsync(Payment.Id, cancellationToken)
                ?? throw new NotFoundException("Payment");
        }

        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }
}
