using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.Rails;
using Portal.SandboxBank;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Rails;

/// <summary>
/// A fast order names the callback path of its kind, and each path records only its kind: a payment's result never
/// goes looking among refunds, nor a refund's among payments. The path every order named before the upgrade still
/// takes both. The bank settles for real but sends no callback: each result arrives as the test posts the bank's own
/// answer, signed as the bank signs it.
/// </summary>
public sealed class CallbackRoutingTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Callbacks are lost and the reconciler waits longer than any test, so nothing but the test records a result.
    private readonly PortalApp _app = new(new Dictionary<string, string?>
    {
        ["SandboxBank:FastSettlementDelay"] = "00:00:00.100",
        ["SandboxBank:LostCallbackRate"] = "1",
        ["Payments:ReconcileAfter"] = "01:00:00",
    });

    private IServiceProvider Services => _app.Services;

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApproveFast_Order_NamesThePaymentCallbackPath()
    {
        var (payment, _) = await AcceptedFastPaymentAsync();

        var order = await Services.GetRequiredService<Bank>().FindOrderAsync(payment.Id);

        Assert.Equal(_app.Url(RailAddress.PaymentCallbackPath).AbsoluteUri, order!.CallbackUrl);
    }

    [Fact]
    public async Task FastRefund_Order_NamesTheRefundCallbackPath()
    {
        var (refund, _) = await AcceptedFastRefundAsync();

        var order = await Services.GetRequiredService<Bank>().FindOrderAsync(refund.Id);

        Assert.Equal(_app.Url(RailAddress.RefundCallbackPath).AbsoluteUri, order!.CallbackUrl);
    }

    [Fact]
    public async Task PaymentCallback_OnPaymentPath_SettlesPayment()
    {
        var (payment, answer) = await AcceptedFastPaymentAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(RailAddress.PaymentCallbackPath, answer));

        Assert.Equal(PaymentStatus.Succeeded, (await DemoPayments.ReloadAsync(Services, payment.Id)).Status);
    }

    [Fact]
    public async Task RefundCallback_OnRefundPath_SettlesRefund()
    {
        var (refund, answer) = await AcceptedFastRefundAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(RailAddress.RefundCallbackPath, answer));

        Assert.Equal(RefundStatus.Succeeded, (await ReloadAsync(refund)).Status);
    }

    [Fact]
    public async Task PaymentCallback_OnRefundPath_Is404AndPaymentUnchanged()
    {
        var (payment, answer) = await AcceptedFastPaymentAsync();

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(RailAddress.RefundCallbackPath, answer));

        var after = await DemoPayments.ReloadAsync(Services, payment.Id);
        Assert.Equal((PaymentStatus.Processing, payment.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task RefundCallback_OnPaymentPath_Is404AndRefundUnchanged()
    {
        var (refund, answer) = await AcceptedFastRefundAsync();

        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(RailAddress.PaymentCallbackPath, answer));

        var after = await ReloadAsync(refund);
        Assert.Equal((RefundStatus.Processing, refund.Version), (after.Status, after.Version));
    }

    [Fact]
    public async Task PaymentCallback_OnPathBeforeUpgrade_SettlesPayment()
    {
        var (payment, answer) = await AcceptedFastPaymentAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(RailAddress.CallbackPath, answer));

        Assert.Equal(PaymentStatus.Succeeded, (await DemoPayments.ReloadAsync(Services, payment.Id)).Status);
    }

    [Fact]
    public async Task RefundCallback_OnPathBeforeUpgrade_SettlesRefund()
    {
        var (refund, answer) = await AcceptedFastRefundAsync();

        Assert.Equal(HttpStatusCode.OK, await PostAsync(RailAddress.CallbackPath, answer));

        Assert.Equal(RefundStatus.Succeeded, (await ReloadAsync(refund)).Status);
    }

    // A fast payment the bank accepted and settled, still processing at Portal; the bank's answer on it.
    private async Task<(Payment Payment, byte[] Answer)> AcceptedFastPaymentAsync()
    {
        var (accepted, _) = await DemoPayments.AttemptAsync(Services, 20.00m, method: PaymentMethod.Fast);
        Assert.Equal(PaymentStep.PayeeVerified, accepted.Step);
        var answer = await SettledAnswerAsync(accepted.PaymentId);
        return (await DemoPayments.ReloadAsync(Services, accepted.PaymentId), answer);
    }

    // A fast refund of a settled fast payment, accepted and settled by the bank, still processing at Portal.
    private async Task<(Refund Refund, byte[] Answer)> AcceptedFastRefundAsync()
    {
        var (payment, paymentAnswer) = await AcceptedFastPaymentAsync();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(RailAddress.PaymentCallbackPath, paymentAnswer));
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var accepted = await Services.GetRequiredService<RefundFlow>().RequestAsync(manager, payment.Id,
            new RefundRequest("5.00", RefundReason.Returned, null, Guid.NewGuid().ToString("N")));
        Assert.Equal((RefundStatus.Processing, RefundStep.RailVerified), (accepted.Status, accepted.Step));
        var answer = await SettledAnswerAsync(accepted.RefundId);
        return (Assert.Single(await DemoPayments.RefundsOfAsync(Services, payment.Id)), answer);
    }

    // The bank settles on its own timer: read its order until it has, for at most 15 s.
    private async Task<byte[]> SettledAnswerAsync(Guid orderId)
    {
        var bank = Services.GetRequiredService<Bank>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (await bank.FindOrderAsync(orderId, timeout.Token) is { Status: BankOrderStatus.Settled } order)
            {
                return JsonSerializer.SerializeToUtf8Bytes(BankOrderAnswer.From(order), Json);
            }
            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<Refund> ReloadAsync(Refund refund) =>
        (await DemoPayments.RefundsOfAsync(Services, refund.PaymentId)).Single(r => r.Id == refund.Id);

    // Signed as the bank signs a callback: for this path, now.
    private async Task<HttpStatusCode> PostAsync(string path, byte[] body)
    {
        var secret = Services.GetRequiredService<IOptions<RailOptions>>().Value.SigningSecret;
        var timestamp = MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow);
        var nonce = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, _app.Url(path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader,
            new MessageSigner(secret).Sign(MessageScope.Request("POST", "/" + path), timestamp, nonce, body));
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
