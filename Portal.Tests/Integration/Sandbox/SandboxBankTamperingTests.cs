using System.Net;
using System.Text;
using Portal.Domain.Rails;

namespace Portal.Tests.Integration.Sandbox;

/// <summary>
/// An attacker on the path between Portal and the bank, holding only what crossed the wire: a request signed for one
/// order moved to another order's path learns nothing and moves nothing.
/// </summary>
public sealed class SandboxBankTamperingTests(SandboxBankFixture bank) : IClassFixture<SandboxBankFixture>
{
    private const string OrdersPath = "sandbox/bank/v1/orders";

    [Fact]
    public async Task GetOrder_PathSwappedToAnotherOrderAfterSigning_Is401AndLearnsNothing()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var settled = Guid.CreateVersion7();
        using var paid = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath, SandboxBankFixture.OrderJson(settled, payer),
            settled.ToString());
        Assert.Equal(HttpStatusCode.OK, paid.StatusCode);

        // Signed by Portal for a query about an order of its own, then sent to the settled order's path.
        using var request = Signed(HttpMethod.Get, $"{OrdersPath}/{Guid.CreateVersion7()}", []);
        request.RequestUri = new Uri(bank.BaseAddress, $"{OrdersPath}/{settled}");
        using var response = await bank.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(settled.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(900, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_SignedForAnotherRoute_Is401AndMovesNothing()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var orderId = Guid.CreateVersion7();
        var body = Encoding.UTF8.GetBytes(SandboxBankFixture.OrderJson(orderId, payer));

        // Whatever was signed for the account-opening route, the orders route does not take it.
        using var request = Signed(HttpMethod.Post, "sandbox/bank/v1/accounts", body, orderId.ToString());
        request.RequestUri = new Uri(bank.BaseAddress, OrdersPath);
        using var response = await bank.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task GetOrder_NeverReceived_NamesTheOrder()
    {
        var orderId = Guid.CreateVersion7();

        using var response = await bank.SendSignedAsync(HttpMethod.Get, $"{OrdersPath}/{orderId}", "", Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"\"orderId\":\"{orderId}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpRequestMessage Signed(HttpMethod method, string path, byte[] body, string? nonce = null)
    {
        nonce ??= Guid.NewGuid().ToString("N");
        var timestamp = MessageSigner.FormatTimestamp(bank.Time.GetUtcNow());
        var request = new HttpRequestMessage(method, new Uri(bank.BaseAddress, path));
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader,
            bank.Signer.Sign(MessageScope.Request(method.Method, request.RequestUri!.PathAndQuery), timestamp, nonce, body));
        return request;
    }
}
