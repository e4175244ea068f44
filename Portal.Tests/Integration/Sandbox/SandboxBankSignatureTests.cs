using System.Net;

namespace Portal.Tests.Integration.Sandbox;

public sealed class SandboxBankSignatureTests(SandboxBankFixture bank) : IClassFixture<SandboxBankFixture>
{
    private const string OrdersPath = "sandbox/bank/v1/orders";

    [Fact]
    public async Task PostOrder_TamperedBody_Is401AndMovesNothing()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var orderId = Guid.CreateVersion7();

        using var response = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath, SandboxBankFixture.OrderJson(orderId, payer),
            orderId.ToString(), sentBody: SandboxBankFixture.OrderJson(orderId, payer, amount: "9.00"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Null(await bank.Rail.QueryAsync(orderId));
    }

    [Fact]
    public async Task PostOrder_StaleTimestamp_Is401AndMovesNothing()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var orderId = Guid.CreateVersion7();

        using var response = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath, SandboxBankFixture.OrderJson(orderId, payer),
            orderId.ToString(), signedAt: bank.Time.GetUtcNow() - TimeSpan.FromSeconds(31));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_ReplayedRequest_Is401AndDebitsOnce()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var orderId = Guid.CreateVersion7();
        var signedAt = bank.Time.GetUtcNow();
        using var first = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath, SandboxBankFixture.OrderJson(orderId, payer),
            orderId.ToString(), signedAt);

        using var replay = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath, SandboxBankFixture.OrderJson(orderId, payer),
            orderId.ToString(), signedAt);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(900, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task GetOrder_ReplayedNonce_Is401()
    {
        var nonce = Guid.NewGuid().ToString("N");
        var signedAt = bank.Time.GetUtcNow();
        using var first = await bank.SendSignedAsync(HttpMethod.Get, $"{OrdersPath}/{Guid.CreateVersion7()}", "", nonce, signedAt);

        using var replay = await bank.SendSignedAsync(HttpMethod.Get, $"{OrdersPath}/{Guid.CreateVersion7()}", "", nonce, signedAt);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task PostOrder_NonceIsNotTheOrderId_Is401()
    {
        var payer = await bank.OpenPayerAsync(10m);

        using var response = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath,
            SandboxBankFixture.OrderJson(Guid.CreateVersion7(), payer), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostOrder_Unsigned_Is401ProblemDetails()
    {
        using var response = await bank.Http.PostAsync(OrdersPath, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PostOrder_MalformedBody_Is400()
    {
        var orderId = Guid.CreateVersion7();

        using var response = await bank.SendSignedAsync(HttpMethod.Post, OrdersPath,
            $$"""{"orderId":"{{orderId}}","kind":"Payment","amount":"1.005","currency":"CNY"}""", orderId.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetStatement_KnownAccount_IsSignedWithBalance()
    {
        var payer = await bank.OpenPayerAsync(12.5m);

        using var response = await bank.SendSignedAsync(HttpMethod.Get, $"sandbox/bank/v1/accounts/{payer}/statement", "",
            Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Portal.Domain.Rails.SignatureCheck.Valid, bank.Signer.Verify(
            Portal.Domain.Rails.MessageScope.Answer(200, "GET", response.RequestMessage!.RequestUri!.PathAndQuery),
            response.Headers.GetValues(Portal.Domain.Rails.MessageSigner.TimestampHeader).Single(),
            response.Headers.GetValues(Portal.Domain.Rails.MessageSigner.NonceHeader).Single(),
            response.Headers.GetValues(Portal.Domain.Rails.MessageSigner.SignatureHeader).Single(),
            body, bank.Time.GetUtcNow(), TimeSpan.FromSeconds(30)));
        Assert.Contains("\"balance\":\"12.50\"", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }
}
