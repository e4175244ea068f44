using System.Net;
using System.Net.Sockets;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Bus;

/// <summary>
/// Redis is not there when Portal starts: Portal starts anyway, takes payments, and its readiness says what is missing
/// without taking the instance out of the load balancer; when Redis comes, the bus connects by itself.
/// </summary>
public sealed class RedisDownAtStartTests : IAsyncLifetime
{
    private readonly int _redisPort = FreePort();
    private PortalApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new PortalApp(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = $"127.0.0.1:{_redisPort}" });
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RedisDownAtStart_PortalServesAndSaysWhy_ThenConnectsWhenRedisComes()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var ready = await http.GetAsync("health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"status\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("Redis is unreachable", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);

        var (payment, _) = await DemoPayments.PaidAsync(_app.Services, 9.90m);
        Assert.Equal(Portal.Domain.Payments.PaymentStatus.Succeeded, payment.Status);

        await using var redis = await RedisServer.StartOnAsync(_redisPort);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(body = await http.GetStringAsync("health/ready")).Contains("\"status\":\"Healthy\"", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The bus never connected: {body}");
            await Task.Delay(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
