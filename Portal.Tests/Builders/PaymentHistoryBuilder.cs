using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Tests.Builders;

/// <summary>
/// Many payments of one merchant at once, each on its own checkout, walked through the entities' own methods (so every
/// row is one the domain could reach) and saved straight to the database in batches: ten thousand in seconds, where
/// paying through the rail would take an hour. A payment's shape follows its index, so tests can count what to expect:
/// every 10th (index % 10 == 9) fails with AM04, every 10th (index % 10 == 8) is still in flight (step 1), the rest
/// succeed; every 3rd (index % 3 == 0) that is not in flight is a fast payment; amounts are 10.00 + index % 100 + 0.25.
/// </summary>
public sealed class PaymentHistoryBuilder(Merchant merchant)
{
    private int _count = 10;
    private DateTimeOffset _firstAt = TestClock.Now;
    private TimeSpan _every = TimeSpan.FromMinutes(1);
    private string _referencePrefix = "HIST-";
    private int _crossBorderEvery;

    public PaymentHistoryBuilder WithCount(int count)
    {
        _count = count;
        return this;
    }

    /// <summary>The first payment starts at <paramref name="firstAt"/>, each next one <paramref name="every"/> later.</summary>
    public PaymentHistoryBuilder StartingAt(DateTimeOffset firstAt, TimeSpan every)
    {
        _firstAt = firstAt;
        _every = every;
        return this;
    }

    /// <summary>Merchant references are this prefix and the index, zero-padded ("HIST-00042").</summary>
    public PaymentHistoryBuilder WithReferencePrefix(string prefix)
    {
        _referencePrefix = prefix;
        return this;
    }

    /// <summary>Every <paramref name="every"/>th payment (index 0, n, 2n…) is paid from a USD account at a quote.</summary>
    public PaymentHistoryBuilder CrossBorderEvery(int every)
    {
        _crossBorderEvery = every;
        return this;
    }

    public static PaymentStatus StatusOf(int index) => (index % 10) switch
    {
        9 => PaymentStatus.Failed,
        8 => PaymentStatus.Started,
        _ => PaymentStatus.Succeeded,
    };

    // Payments in flight are real-time ones: a fast payment left at step 1 would be expired by the app's own job mid-test.
    public static PaymentMethod MethodOf(int index) => index % 3 == 0 && StatusOf(index) != PaymentStatus.Started ? PaymentMethod.Fast : PaymentMethod.RealTime;

    public static decimal AmountOf(int index) => 10.25m + index % 100;

    /// <summary>Step 1 → step 6 of a succeeded payment: 1.5 s, plus 0.1 s per index % 5.</summary>
    public static TimeSpan DurationOf(int index) => TimeSpan.FromMilliseconds(1_500 + 100 * (index % 5));

    public IEnumerable<(Checkout Checkout, Payment Payment)> Build()
    {
        for (var i = 0; i < _count; i++)
        {
            var at = _firstAt + _every * i;
            var request = new CheckoutRequest(AmountOf(i), merchant.CurrencyCode, "History order", at.AddDays(89), $"{_referencePrefix}{i:D5}");
            var checkout = Checkout.Create(merchant, request, at, "history");
            var payment = checkout.StartPayment(MethodOf(i), at);
            var status = StatusOf(i);
            if (_crossBorderEvery > 0 && i % _crossBorderEvery == 0)
            {
                var quote = Portal.Domain.CrossBorder.FxQuote.Create($"q_history_{i}", payment.Amount,
                    Portal.Domain.CrossBorder.FxConversion.Convert(payment.Amount, Currency.FromCode("USD"), 0.139863m),
                    Money.Zero(Currency.FromCode("USD")), 0.139863m, at, at.AddMinutes(10));
                payment.OfferQuote(quote, at);
                payment.CheckConfirmedQuote(quote.QuoteId, at.AddMilliseconds(100));
            }
            if (status != PaymentStatus.Started)
            {
                payment.EnterDetails(PaymentBuilder.PayerAccount, $"history-{i}", at.AddMilliseconds(200));
                payment.CreateOrder(at.AddMilliseconds(300));
                payment.MarkSent(at.AddMilliseconds(400));
                if (status == PaymentStatus.Succeeded)
                {
                    var settled = at + DurationOf(i);
                    payment.RecordRailResult(new RailResult(payment.OrderId, RailOrderStatus.Settled, null, settled, settled, $"rail-{i}"), settled);
                }
                else
                {
                    payment.RecordRailResult(new RailResult(payment.OrderId, RailOrderStatus.Rejected, FailureReason.InsufficientFunds, at.AddMilliseconds(500), null, null), at.AddMilliseconds(600));
                }
            }
            yield return (checkout, payment);
        }
    }

    /// <summary>Saves the history in batches of a thousand, without change tracking's per-row cost.</summary>
    public async Task<IReadOnlyList<Payment>> SaveAsync(IDbContextFactory<PortalDbContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var saved = new List<Payment>(_count);
        foreach (var batch in Build().Chunk(1_000))
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Checkouts.AddRange(batch.Select(b => b.Checkout));
            db.Payments.AddRange(batch.Select(b => b.Payment));
            await db.SaveChangesAsync();
            saved.AddRange(batch.Select(b => b.Payment));
        }
        return saved;
    }
}
