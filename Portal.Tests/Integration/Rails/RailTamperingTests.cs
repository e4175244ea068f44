using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Rails;
using Portal.SandboxBank;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Rails;

/// <summary>
/// An attacker on the path rewrites the bank's signed answers to the reconciler's queries: a settled payment's 200
/// turned into a 404, or another order's signed "never received" put in its place. Either would fail a payment the bank
/// settled, and the customer would pay twice. Portal takes neither as a verdict; once the attacker stops, the
/// reconciler finishes the payment with its one debit.
/// </summary>
public sealed class RailTamperingTests : IAsyncLifetime
{
    private const int Forgeries = 3;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Every answer to an order is lost, so only the reconciler's queries can finish the payment; the acceptance window
    // is short so that a believed "never received" would fail the payment at once.
    private readonly TamperedPortalApp _app = new(new Dictionary<string, string?>
    {
        ["SandboxBank:LostResponseRate"] = "1",
        ["SandboxBank:LostResponseDelay"] = "00:00:20",
        ["Rail:Timeout"] = "00:00:01",
        ["Payments:ReconcileAfter"] = "00:00:00.200",
        ["Payments:RailAcceptanceWindow"] = "00:00:00.500",
        ["Reconciler:Interval"] = "00:00:00.250",
    });

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reconcile_SettledAnswerTurnedInto404_DoesNotFailAndFinishesWithOneDebit()
    {
        _app.Tamperer.Rewrite = (_, answer) => RailTamperer.WithStatusAsync(answer, HttpStatusCode.NotFound);
        _app.Tamperer.Remaining = Forgeries;

        await PayAndAssertSettledOnceAsync();
    }

    [Fact]
    public async Task Reconcile_AnswerSwappedForAnotherOrdersNeverReceived_DoesNotFailAndFinishesWithOneDebit()
    {
        // A genuine signed 404, recorded off the wire from a query about an order the bank never received.
        HttpResponseMessage? recorded = null;
        _app.Tamperer.Rewrite = async (_, answer) =>
        {
            recorded = await RailTamperer.CopyAsync(answer);
            return await RailTamperer.CopyAsync(recorded, keepOriginal: true);
        };
        // The rail's one-second timeout is there for the lost answers; on a loaded machine this genuine query may outlast
        // it too, so it is asked again until its answer has been recorded.
        var rail = _app.Services.GetRequiredService<HttpPaymentRail>();
        for (var attempt = 0; recorded is null && attempt < 10; attempt++)
        {
            _app.Tamperer.Remaining = 1;
            try
            {
                Assert.Null(await rail.QueryAsync(Guid.CreateVersion7()));
            }
            catch (RailUnavailableException)
            {
            }
        }
        Assert.NotNull(recorded);
        var forged = await recorded.Content.ReadAsByteArrayAsync();
        _app.Tamperer.Rewrite = (_, answer) =>
        {
            answer.Dispose();
            return RailTamperer.CopyAsync(recorded, body: forged, keepOriginal: true);
        };
        _app.Tamperer.Remaining = Forgeries;

        await PayAndAssertSettledOnceAsync(alreadyTampered: _app.Tamperer.Tampered);
    }

    [Fact]
    public async Task Callback_PathChangedAfterSigning_Is401AndMovesNothing()
    {
        var services = _app.Services;
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 20.00m);
        var flow = services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var sent = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        Assert.Equal(PaymentStatus.Processing, sent.Status);
        var body = JsonSerializer.SerializeToUtf8Bytes(new BankOrderAnswer(started.PaymentId, "Rejected", "AM04", "Insufficient funds",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N")), Json);

        // Signed by the bank for another instance's callback address, delivered to this one.
        var secret = services.GetRequiredService<IOptions<RailOptions>>().Value.SigningSecret;
        var timestamp = MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow);
        var nonce = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, _app.Url(RailAddress.PaymentCallbackPath)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader, new MessageSigner(secret).Sign(
            MessageScope.Request("POST", "/instance-b/" + RailAddress.PaymentCallbackPath), timestamp, nonce, body));
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var payment = (await DemoCheckouts.PaymentsOfAsync(services, checkout.Id)).Single();
        Assert.NotEqual(PaymentStatus.Failed, payment.Status);
    }

    private async Task PayAndAssertSettledOnceAsync(int alreadyTampered = 0)
    {
        var services = _app.Services;
        var flow = services.GetRequiredService<PaymentFlow>();
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 20.00m);
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        var answer = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        Assert.Equal(PaymentStatus.Processing, answer.Status);

        // Failed is final: a payment that ends Succeeded was never failed on the way.
        var finished = await WaitForAsync(services, checkout.Id,
            p => p.Status is PaymentStatus.Succeeded or PaymentStatus.Failed && p.NotifiedAt is not null);
        Assert.Equal(PaymentStatus.Succeeded, finished.Status);
        Assert.Equal(alreadyTampered + Forgeries, _app.Tamperer.Tampered);
        Assert.Equal(50_00 - 20_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, finished.Id));
    }

    private static async Task<Payment> WaitForAsync(IServiceProvider services, Guid checkoutId, Func<Payment, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var payment = (await DemoCheckouts.PaymentsOfAsync(services, checkoutId)).FirstOrDefault(condition);
            if (payment is not null)
            {
                return payment;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The reconciler did not finish the payment in time.");
    }
}
