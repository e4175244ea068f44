using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Rails;
using Portal.SandboxBank;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Payments;

/// <summary>
/// Fast payments through the real signed HTTP rail: the sandbox bank accepts at once, settles later and calls Portal
/// back, signed; a lost callback is finished by the reconciler. Each test runs its own app with the bank's timing it needs.
/// </summary>
public abstract class FastRailTests(DatabaseProvider provider)
{
    private const string MerchantAccount = "8800000000000001";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ApproveFast_ValidPayer_ProcessingAtStepFiveThenSettledByCallbackWithOneDebit()
    {
        // Long enough that the balance read right after acceptance cannot race the settlement on a loaded machine.
        await using var app = Start(settlementDelay: "00:00:02");
        var services = app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 12.34m);
        var merchantBefore = await BankBook.BalanceAsync(services, MerchantAccount);

        var started = await Flow(services).ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var accepted = await Flow(services).ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        Assert.Equal(PaymentStatus.Processing, accepted.Status);
        Assert.Equal(PaymentStep.PayeeVerified, accepted.Step);
        Assert.Equal(100_00, await BankBook.BalanceAsync(services, payer));

        var finished = await WaitForAsync(services, checkout.Id, p => p.Status == PaymentStatus.Succeeded && p.NotifiedAt is not null);
        Assert.Equal(started.PaymentId, finished.Id);
        Assert.Equal(100_00 - 12_34, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(merchantBefore + 12_34, await BankBook.BalanceAsync(services, MerchantAccount));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, finished.Id));
        Assert.Equal(0, await BankBook.LedgerSumAsync(services));
        Assert.Equal(CheckoutStatus.Paid, (await DemoCheckouts.ReloadAsync(services, checkout.Id)).Status);
    }

    [Fact]
    public async Task ApproveFast_FundsGoneBeforeSettlement_FailsWithAm04AndMovesNothing()
    {
        // The bank's clock settles the fast order only when the test moves it on, after the money is spent: with a
        // real clock a slow machine could settle first and let the real-time payment fail instead.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new PortalApp(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "00:01:00" }, time, provider);
        var services = app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 30.00m);
        var fast = await DemoCheckouts.CreateAsync(services, 20.00m);
        var realTime = await DemoCheckouts.CreateAsync(services, 20.00m);

        var fastStarted = await Flow(services).ChooseMethodAsync(fast.Token, PaymentMethod.Fast);
        await Flow(services).ApproveFastAsync(fastStarted.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        // Spent elsewhere while the fast order waits for settlement.
        var rtStarted = await Flow(services).ChooseMethodAsync(realTime.Token, PaymentMethod.RealTime);
        await Flow(services).PayRealTimeAsync(rtStarted.PaymentId, PayerDetails.Parse(payer, "123456"), "key-2");
        time.Advance(TimeSpan.FromMinutes(1));

        var failed = await WaitForAsync(services, fast.Id, p => p.Status == PaymentStatus.Failed);
        Assert.Equal("AM04", failed.FailureCode);
        Assert.Equal(PaymentStep.PayeeProcessed, failed.FailedAtStep);
        Assert.Equal(30_00 - 20_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(0, await BankBook.LedgerTransactionsForAsync(services, failed.Id));
        Assert.Equal(CheckoutStatus.Open, (await DemoCheckouts.ReloadAsync(services, fast.Id)).Status);
    }

    [Fact]
    public async Task Callback_BadSignature_Is401AndChangesNothing()
    {
        await using var app = Start(settlementDelay: "01:00:00");
        var (payment, body) = await AcceptedWithForgedSettlementAsync(app);
        using var request = Callback(app, body, MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow), signature: "keyId=default,sig=" + new string('0', 64));

        using var response = await Client(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertUnchangedAsync(app.Services, payment);
    }

    [Fact]
    public async Task Callback_StaleTimestamp_Is401AndChangesNothing()
    {
        await using var app = Start(settlementDelay: "01:00:00");
        var (payment, body) = await AcceptedWithForgedSettlementAsync(app);
        using var request = Callback(app, body, MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow.AddMinutes(-10)));

        using var response = await Client(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertUnchangedAsync(app.Services, payment);
    }

    [Fact]
    public async Task Callback_UnknownOrder_Is404()
    {
        await using var app = Start();
        var body = JsonSerializer.SerializeToUtf8Bytes(new BankOrderAnswer(Guid.NewGuid(), "Settled", null, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "ref"), Json);
        using var request = Callback(app, body, MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow));

        using var response = await Client(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Callback_SameValidCallbackTwice_Both200AndSecondChangesNothing()
    {
        await using var app = Start();
        var services = app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 10.00m);
        var started = await Flow(services).ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        await Flow(services).ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        var finished = await WaitForAsync(services, checkout.Id, p => p.Status == PaymentStatus.Succeeded && p.NotifiedAt is not null);
        var order = await services.GetRequiredService<Bank>().FindOrderAsync(finished.Id);
        var body = JsonSerializer.SerializeToUtf8Bytes(BankOrderAnswer.From(order!), Json);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var request = Callback(app, body, MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow));
            using var response = await Client(app).SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var after = Assert.Single(await DemoCheckouts.PaymentsOfAsync(services, checkout.Id));
        Assert.Equal(finished.Version, after.Version);
        Assert.Equal(PaymentStatus.Succeeded, after.Status);
        Assert.Equal(50_00 - 10_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, finished.Id));
    }

    [Fact]
    public async Task Callbacks_BurstWithEachSentTwiceAndAnUnknownOrder_EachPaymentSettledOnceUnknownIs404()
    {
        await using var app = Start(settlementDelay: "01:00:00");
        var accepted = new List<(Payment Payment, byte[] Body)>();
        for (var i = 0; i < 12; i++)
        {
            accepted.Add(await AcceptedWithForgedSettlementAsync(app));
        }
        var unknown = JsonSerializer.SerializeToUtf8Bytes(new BankOrderAnswer(Guid.NewGuid(), "Settled", null, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "ref"), Json);
        using var client = Client(app);

        // All at once, so that the queue saves them in batches holding a payment's callback and its twin together.
        var sends = accepted.SelectMany(a => new[] { a.Body, a.Body }).Append(unknown).Select(async body =>
        {
            using var request = Callback(app, body, MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow));
            using var response = await client.SendAsync(request);
            return (body, response.StatusCode);
        });
        var answers = await Task.WhenAll(sends);

        Assert.All(answers.Where(a => a.body != unknown), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, Assert.Single(answers, a => a.body == unknown).StatusCode);
        var after = new List<Payment>();
        foreach (var (payment, _) in accepted)
        {
            var saved = Assert.Single(await DemoCheckouts.PaymentsOfAsync(app.Services, payment.CheckoutId));
            Assert.Equal(PaymentStatus.Succeeded, saved.Status);
            Assert.NotNull(saved.NotifiedAt);
            Assert.Equal(CheckoutStatus.Paid, (await DemoCheckouts.ReloadAsync(app.Services, payment.CheckoutId)).Status);
            after.Add(saved);
        }
        // One transition each: a result applied twice would have moved its payment's version further than the others'.
        Assert.Single(after.Select(p => p.Version).Distinct());
    }

    [Fact]
    public async Task RecordRailResults_TwoOverlappingBatchesInParallel_EachPaymentRecordedOnceAndBothSeeIt()
    {
        await using var app = Start(settlementDelay: "01:00:00");
        var results = new List<RailResult>();
        for (var i = 0; i < 8; i++)
        {
            var (payment, _) = await AcceptedWithForgedSettlementAsync(app);
            results.Add(new RailResult(payment.Id, RailOrderStatus.Settled, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
                Guid.NewGuid().ToString("N")));
        }
        var unknown = results[0] with { OrderId = Guid.NewGuid() };

        // The batches share four payments: whichever commits second collides, and records its results one by one.
        var recorded = await Task.WhenAll(
            Task.Run(() => Outcomes(app.Services).RecordRailResultsAsync([.. results[..6], unknown])),
            Task.Run(() => Outcomes(app.Services).RecordRailResultsAsync([.. results[2..]])));

        Assert.Null(recorded[0][6]);
        Assert.All(recorded.SelectMany(r => r).OfType<PaymentSnapshot>(), p => Assert.Equal(PaymentStatus.Succeeded, p.Status));
        Assert.Equal(6, recorded[0].Count(p => p is not null));
        Assert.Equal(6, recorded[1].Count);
        var saved = new List<Payment>();
        foreach (var result in results)
        {
            saved.Add(await DemoPayments.ReloadAsync(app.Services, result.OrderId));
        }
        Assert.All(saved, p => Assert.Equal(PaymentStatus.Succeeded, p.Status));
        foreach (var payment in saved)
        {
            Assert.Equal(CheckoutStatus.Paid, (await DemoCheckouts.ReloadAsync(app.Services, payment.CheckoutId)).Status);
        }
        Assert.Single(saved.Select(p => p.Version).Distinct());
    }

    [Fact]
    public async Task ApproveFast_CallbackLost_ReconcilerFinishesWithOneDebit()
    {
        // The app's clock moves only when the test moves it: on a slow machine the reconciler, on the real clock, could
        // finish the payment before the approval had even answered.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new PortalApp(new Dictionary<string, string?>
        {
            ["SandboxBank:LostCallbackRate"] = "1",
            ["SandboxBank:FastSettlementDelay"] = "00:00:01",
            ["Payments:ReconcileAfter"] = "00:00:05",
            ["Reconciler:Interval"] = "00:00:01",
        }, time, provider);
        var services = app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 20.00m);

        var started = await Flow(services).ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var accepted = await Flow(services).ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        Assert.Equal(PaymentStatus.Processing, accepted.Status);

        var finished = await WaitForAsync(services, checkout.Id, p => p.Status == PaymentStatus.Succeeded && p.NotifiedAt is not null, time);
        Assert.Equal(50_00 - 20_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, finished.Id));
        Assert.Equal(CheckoutStatus.Paid, (await DemoCheckouts.ReloadAsync(services, checkout.Id)).Status);
    }

    [Fact]
    public async Task ApproveFast_RealTimePaidAtTheSameMomentOnOneCheckout_ExactlyOneDebitOtherDupl()
    {
        await using var app = Start();
        var services = app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 10.00m);
        var fast = await Flow(services).ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var realTime = await Flow(services).ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        await Task.WhenAll(
            Flow(services).ApproveFastAsync(fast.PaymentId, PayerDetails.Parse(payer, "123456"), "key-fast"),
            Flow(services).PayRealTimeAsync(realTime.PaymentId, PayerDetails.Parse(payer, "123456"), "key-rt"));

        var winner = await WaitForAsync(services, checkout.Id, p => p.Status == PaymentStatus.Succeeded && p.NotifiedAt is not null);
        var payments = await DemoCheckouts.PaymentsOfAsync(services, checkout.Id);
        var loser = Assert.Single(payments, p => p.Id != winner.Id);
        Assert.Equal(PaymentStatus.Failed, loser.Status);
        Assert.Equal(FailureReason.Duplicate.Code, loser.FailureCode);
        Assert.Equal(100_00 - 10_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, winner.Id));
        Assert.Equal(0, await BankBook.LedgerTransactionsForAsync(services, loser.Id));
    }

    private PortalApp Start(string settlementDelay = "00:00:00.300") =>
        Start(new Dictionary<string, string?>(), settlementDelay);

    private PortalApp Start(Dictionary<string, string?> settings, string settlementDelay = "00:00:00.300")
    {
        settings.TryAdd("SandboxBank:FastSettlementDelay", settlementDelay);
        var app = new PortalApp(settings, provider: provider);
        _ = app.BaseAddress;
        return app;
    }

    private static PaymentFlow Flow(IServiceProvider services) => services.GetRequiredService<PaymentFlow>();

    private static PaymentOutcomes Outcomes(IServiceProvider services) => services.GetRequiredService<PaymentOutcomes>();

    private static HttpClient Client(PortalApp app) => new() { BaseAddress = app.BaseAddress };

    // A fast payment the bank has accepted (and will not settle during the test), with a "settled" answer for it.
    private static async Task<(Payment Payment, byte[] Body)> AcceptedWithForgedSettlementAsync(PortalApp app)
    {
        var services = app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 10.00m);
        var started = await Flow(services).ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var accepted = await Flow(services).ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        Assert.Equal(PaymentStep.PayeeVerified, accepted.Step);
        var payment = Assert.Single(await DemoCheckouts.PaymentsOfAsync(services, checkout.Id));
        var body = JsonSerializer.SerializeToUtf8Bytes(new BankOrderAnswer(payment.Id, "Settled", null, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N")), Json);
        return (payment, body);
    }

    private static HttpRequestMessage Callback(PortalApp app, byte[] body, string timestamp, string? signature = null)
    {
        var secret = app.Services.GetRequiredService<IOptions<RailOptions>>().Value.SigningSecret;
        var nonce = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, RailAddress.PaymentCallbackPath) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader, signature ??
            new MessageSigner(secret).Sign(MessageScope.Request("POST", "/" + RailAddress.PaymentCallbackPath), timestamp, nonce, body));
        return request;
    }

    private static async Task AssertUnchangedAsync(IServiceProvider services, Payment before)
    {
        var after = Assert.Single(await DemoCheckouts.PaymentsOfAsync(services, before.CheckoutId));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(PaymentStatus.Processing, after.Status);
        Assert.Equal(PaymentStep.PayeeVerified, after.Step);
        Assert.Equal(CheckoutStatus.Open, (await DemoCheckouts.ReloadAsync(services, before.CheckoutId)).Status);
    }

    // Polls the database; a fake clock, when given, is moved on a second at each look, so that what waits on it runs.
    private static async Task<Payment> WaitForAsync(IServiceProvider services, Guid checkoutId, Func<Payment, bool> condition,
        FakeTimeProvider? time = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var payment = (await DemoCheckouts.PaymentsOfAsync(services, checkoutId)).FirstOrDefault(condition);
            if (payment is not null)
            {
                return payment;
            }
            time?.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
        throw new TimeoutException("The payment did not reach the expected state in time.");
    }
}

public sealed class FastRailOnSqliteTests() : FastRailTests(DatabaseProvider.Sqlite);

public sealed class FastRailOnPostgresTests() : FastRailTests(DatabaseProvider.Postgres);
