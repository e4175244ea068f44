using System.Globalization;
using System.Text.Json;
using Portal.Audit;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;

namespace Portal.Bench;

/// <summary>
/// A merchant's history walked through the entities' own methods, as the checkout, the rail's answers and the refund
/// screens would have walked it, so that every row is one the domain could reach; only the saving is bulk. The shape
/// is <see cref="HistoryPlan"/>'s, drawn from a seeded random source, so the same count always grows the same history.
/// Every order sent is answered by <see cref="HistoryBank"/>, which writes the bank's side of it.
/// </summary>
internal sealed class HistoryBuilder(Merchant merchant, StaffActor manager, StaffActor owner, string ownerEmail, int count, DateTimeOffset end,
    HistoryBank bank)
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);
    private static readonly Currency Usd = Currency.FromCode("USD");

    private readonly Random _random = new(HistoryPlan.Seed);
    private readonly AccountNumber[] _payers = Enumerable.Range(0, 1_000)
        .Select(i => AccountNumber.Parse("62220200" + (10_000_000 + i * 7_919).ToString(CultureInfo.InvariantCulture)))
        .ToArray();

    // In the bank's USD range (FxOptions.AccountRanges), where a quote into USD comes from.
    private readonly AccountNumber[] _usdPayers = Enumerable.Range(0, 1_000)
        .Select(i => AccountNumber.Parse("62010000" + (10_000_000 + i * 7_919).ToString(CultureInfo.InvariantCulture)))
        .ToArray();

    public DateTimeOffset Start => end - TimeSpan.FromDays(HistoryPlan.Days);

    public IEnumerable<HistoryBatch> Build(int batchSize)
    {
        var batch = new HistoryBatch();
        var span = TimeSpan.FromDays(HistoryPlan.Days).Ticks;
        var signInEvery = Math.Max(1, count / (HistoryPlan.Days * HistoryPlan.SignInsPerDay));
        for (var i = 0; i < count; i++)
        {
            var at = Start + TimeSpan.FromTicks(span / count * i);
            AddPayment(batch, i, at);
            if (i % HistoryPlan.LinkEvery == 0)
            {
                AddLink(batch, i / HistoryPlan.LinkEvery, at);
            }
            if (i % signInEvery == 0)
            {
                var who = i / signInEvery % 2 == 0 ? owner : manager;
                batch.AuditEntries.Add(Audit(who, AuditActions.SignedIn, "Signed in", null, null, null, at));
            }
            if (batch.Payments.Count == batchSize)
            {
                yield return batch;
                batch = new HistoryBatch();
            }
        }
        if (batch.Payments.Count > 0)
        {
            yield return batch;
        }
    }

    private void AddPayment(HistoryBatch batch, int index, DateTimeOffset at)
    {
        var amount = decimal.Round(5m * (decimal)Math.Pow(1_000, _random.NextDouble()), 2);
        var reference = HistoryPlan.ReferenceOf(index);
        var checkout = Checkout.Create(merchant,
            new CheckoutRequest(amount, merchant.CurrencyCode, "Order " + reference, at.AddHours(1), reference, "https://shop.example/thanks"),
            at.AddSeconds(-20));
        batch.Checkouts.Add(checkout);
        Pay(batch, checkout, index, at);
        CloseIfExpired(checkout);
    }

    private void Pay(HistoryBatch batch, Checkout checkout, int index, DateTimeOffset at)
    {
        var reference = checkout.MerchantReference!;
        var method = _random.NextDouble() < HistoryPlan.FastShare ? PaymentMethod.Fast : PaymentMethod.RealTime;
        var payment = checkout.StartPayment(method, at, merchant.FastPaymentLifetime);
        batch.Payments.Add(payment);
        var outcome = _random.NextDouble();
        if (outcome < HistoryPlan.AbandonedShare)
        {
            payment.Abandon();
            return;
        }
        if (_random.NextDouble() < HistoryPlan.CrossBorderShare)
        {
            var rate = 0.139167m + (decimal)(_random.NextDouble() * 0.0005);
            var quote = FxQuote.Create($"q_hist_{index}", payment.Amount, FxConversion.Convert(payment.Amount, Usd, rate),
                Money.Of(0.30m, Usd), rate, at, at.AddMinutes(10));
            payment.OfferQuote(quote, at);
        }
        var failed = outcome < HistoryPlan.AbandonedShare + HistoryPlan.FailedShare;
        if (failed && method == PaymentMethod.Fast && _random.NextDouble() < 0.5)
        {
            // The payer never approved the code: the expiry job's own transition, at the instant it would have run.
            var expiredAt = payment.ExpiresAt!.Value;
            payment.Expire(expiredAt);
            payment.MarkNotified(expiredAt.AddMilliseconds(40));
            return;
        }

        // A person types account and PIN (or approves in the wallet): seconds, not milliseconds.
        var entered = at.AddSeconds(5 + _random.NextDouble() * (method == PaymentMethod.Fast ? 40 : 25));
        payment.CheckConfirmedQuote(payment.QuoteId, entered);
        var payers = payment.IsCrossBorder ? _usdPayers : _payers;
        var payer = payers[_random.Next(payers.Length)];
        payment.EnterDetails(payer, $"hist-{index}", entered);
        if (checkout.TryReserve(payment, entered) is { } refusal)
        {
            throw new InvalidOperationException($"History checkout {reference} refused its payment: {refusal.Code}.");
        }
        payment.CreateOrder(entered);
        payment.MarkSent(entered.AddMilliseconds(30));
        var answered = entered.AddMilliseconds(400 + _random.Next(2_000));
        payment.RecordRailResult(bank.Pay(batch, checkout, payment, payer, declined: failed, answered.AddMilliseconds(-150), answered),
            answered);
        if (failed)
        {
            checkout.Release(payment);
            payment.MarkNotified(answered.AddMilliseconds(40));
            return;
        }
        checkout.MarkPaid(payment, answered);
        payment.MarkNotified(answered.AddMilliseconds(40));

        if (_random.NextDouble() < HistoryPlan.RefundedShare)
        {
            AddRefund(batch, payment, payer, index, answered.AddMinutes(60 + _random.NextDouble() * 7 * 24 * 60));
        }
    }

    private void AddRefund(HistoryBatch batch, Payment payment, AccountNumber payer, int index, DateTimeOffset requestedAt)
    {
        if (requestedAt >= end)
        {
            return;
        }
        var amount = _random.NextDouble() < 0.5
            ? payment.Amount
            : Money.Of(Math.Max(0.01m, decimal.Round(payment.Amount.Amount * (decimal)(0.1 + _random.NextDouble() * 0.8), 2)), payment.Amount.Currency);
        var reason = _random.NextDouble() < 0.7 ? RefundReason.RequestedByCustomer : RefundReason.Returned;
        var refund = payment.RequestRefund(merchant, manager, amount, reason, null, $"hist-refund-{index}", requestedAt);
        batch.Refunds.Add(refund);
        var id = refund.Id.ToString();
        batch.AuditEntries.Add(Audit(manager, AuditActions.RefundRequested, $"Requested a refund of {amount.Format()}", "Refund", id,
            new { paymentId = payment.Id, amount = amount.ToString(), reason = reason.ToString(), status = refund.Status.ToString() }, requestedAt));

        var decidedAt = requestedAt.AddMinutes(10 + _random.NextDouble() * 240);
        if (refund.NeedsApproval)
        {
            if (decidedAt >= end)
            {
                // Still in the approvers' queue at the end of the history.
                return;
            }
            if (_random.NextDouble() < 0.15)
            {
                refund.Reject(owner, "Not a refund we owe", decidedAt);
                payment.ReleaseRefund(refund);
                batch.AuditEntries.Add(Audit(owner, AuditActions.RefundRejected, $"Rejected a refund of {amount.Format()}", "Refund", id,
                    new { amount = amount.ToString(), note = "Not a refund we owe" }, decidedAt));
                return;
            }
            refund.Approve(owner, decidedAt);
            batch.AuditEntries.Add(Audit(owner, AuditActions.RefundApproved, $"Approved a refund of {amount.Format()}", "Refund", id,
                new { amount = amount.ToString(), status = refund.Status.ToString() }, decidedAt));
        }
        var sentAt = refund.NeedsApproval ? decidedAt : requestedAt;
        refund.CreateOrder(sentAt);
        refund.MarkSent(sentAt.AddMilliseconds(30));
        var processedAt = sentAt.AddMilliseconds(500 + _random.Next(1_500));
        refund.RecordRailResult(bank.Refund(batch, refund, payment, payer, processedAt.AddMilliseconds(-150), processedAt), processedAt);
        payment.SettleRefund(refund);
        refund.MarkNotified(processedAt.AddMilliseconds(40));
    }

    // A payment link staff made on the links page: open a week, shared by hand, mostly never paid.
    private void AddLink(HistoryBatch batch, int number, DateTimeOffset at)
    {
        var amount = decimal.Round(20m + (decimal)(_random.NextDouble() * 480), 2);
        var link = Checkout.Create(merchant,
            new CheckoutRequest(amount, merchant.CurrencyCode, "Invoice", at.AddDays(7), HistoryPlan.LinkReferenceOf(number), null),
            at, ownerEmail);
        batch.Checkouts.Add(link);
        CloseIfExpired(link);
        batch.AuditEntries.Add(Audit(owner, AuditActions.LinkCreated, $"Created payment link Invoice, {link.Amount.Format()}", "Checkout",
            link.Id.ToString(), new { amount = link.Amount.ToString(), reference = link.MerchantReference }, at));
    }

    // A checkout nobody paid is closed by the reconciler's round soon after it expires; left open, the app's reconciler
    // would close a history's worth of them one by one while the queries are timed.
    private void CloseIfExpired(Checkout checkout)
    {
        var closedAt = checkout.ExpiresAt.AddSeconds(30);
        if (closedAt < end)
        {
            checkout.CloseIfExpired(closedAt);
        }
    }

    private AuditEntry Audit(StaffActor who, string action, string summary, string? targetType, string? targetId, object? details,
        DateTimeOffset at) =>
        AuditEntry.From(new AuditRecord(merchant.Id, who.UserId, who.Name, action, summary, targetType, targetId),
            details is null ? null : JsonSerializer.Serialize(details, details.GetType(), DetailsJson), at);
}
