using Microsoft.Extensions.DependencyInjection;
using Portal.Bus;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// Two instances on one Redis: failed sign-ins from one address count once for the deployment, so spreading guesses
/// over the instances buys the attacker nothing.
/// </summary>
public sealed class SharedAddressLockoutTests : IAsyncLifetime
{
    private const string Address = "203.0.113.80";
    private RedisServer _redis = null!;
    private PortalApp _a = null!;
    private PortalApp _b = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _a = Instance();
        _b = Instance();
        await ConnectedAsync(_a);
        await ConnectedAsync(_b);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_FailuresSpreadOverInstances_AddressIsStoppedOnBoth()
    {
        using (var atA = ClientAt(_a))
        {
            for (var i = 0; i < 2; i++)
            {
                using var _ = await StaffAuthApp.SignInAsync(atA, $"nobody{i}@shop.example", "Summer!Guess2026");
            }
        }
        using (var atB = ClientAt(_b))
        {
            using var _ = await StaffAuthApp.SignInAsync(atB, "nobody2@shop.example", "Summer!Guess2026");
        }

        using var again = ClientAt(_a);
        using var answer = await StaffAuthApp.SignInAsync(again, "owner@demo.test", Data.DemoData.Password);

        Assert.Contains("Too many failed sign-ins from your network.", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private PortalApp Instance()
    {
        var app = new PortalApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["Staff:Lockout:MaxFailuresPerAddress"] = "3",
        });
        _ = app.BaseAddress;
        return app;
    }

    private static HttpClient ClientAt(PortalApp app)
    {
        var client = StaffHttpClient.Anonymous(app.BaseAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Address);
        return client;
    }

    // The bus connects in the background after start; until then each instance would count on its own.
    private static async Task ConnectedAsync(PortalApp app)
    {
        var bus = app.Services.GetRequiredService<IPortalBus>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!bus.IsConnected)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
