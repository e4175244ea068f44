using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.ApiKeys;
using Portal.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Instances;

/// <summary>
/// A deployment of several instances on loopback ports, as the README's "Several instances" section runs it: one
/// PostgreSQL database, one Redis, the sandbox bank as a service of its own, Portal A and Portal B (both reaching the
/// bank over the rail's signed HTTP, both in Development with the demo merchant), and nginx with the shipped balancer
/// configuration in front of them. Browsers go through nginx; a test pins a browser to one instance with the affinity
/// cookie nginx itself hands out.
/// </summary>
public class InstancesFixture : IAsyncLifetime
{
    public const int ApiBurst = 4;

    public const int StoreBurst = 3;

    private readonly string _dataA = TestPaths.NewTempDirectory("instance-a");
    private readonly string _dataB = TestPaths.NewTempDirectory("instance-b");
    private readonly string _dataBank = TestPaths.NewTempDirectory("bank");
    private readonly Dictionary<string, string> _affinity = [];

    public PortalDatabase Database { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public SandboxBankProcess Bank { get; private set; } = null!;

    public PortalProcess A { get; private set; } = null!;

    public PortalProcess B { get; private set; } = null!;

    public LoadBalancer Balancer { get; private set; } = null!;

    public Infrastructure.Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        Database = PortalDatabase.Create(DatabaseProvider.Postgres);
        Redis = await RedisServer.StartAsync();
        Bank = await SandboxBankProcess.StartAsync(_dataBank, ProductionSettings.SigningSecret, BankSettings());
        // The instances must know nginx's address before nginx starts: the port stays held here until then, or another
        // test's server could take it meanwhile and answer nginx's clients in plain HTTP (seen once, as a corrupted TLS frame).
        var balancerHold = new TcpListener(IPAddress.Loopback, 0);
        balancerHold.Start();
        var balancerPort = ((IPEndPoint)balancerHold.LocalEndpoint).Port;
        var (portA, portB) = (FreePort(), FreePort());
        Dictionary<string, string> Common(string name)
        {
            var settings = Database.SettingsWith(new Dictionary<string, string>
            {
                ["ConnectionStrings:Redis"] = Redis.ConnectionString,
                [InstanceName.Setting] = name,
                ["Checkout:PublicBaseUrl"] = $"https://127.0.0.1:{balancerPort}/",
                ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
                ["SandboxBank:Enabled"] = "false",
                ["Rail:BaseUrl"] = Bank.BaseAddress.ToString(),
                ["Rail:SigningSecret"] = ProductionSettings.SigningSecret,
                ["Api:Burst"] = ApiBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Api:RequestsPerSecond"] = "1",
                ["VelocityLimits:StorePerAddress:Burst"] = StoreBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["VelocityLimits:StorePerAddress:Every"] = "01:00:00",
                ["Bus:CatchUpInterval"] = "00:00:01",
            });
            foreach (var (key, value) in PortalSettings(name))
            {
                settings[key] = value;
            }
            return settings;
        }
        // A first: it migrates the database and writes the demo rows; B finds them there.
        A = await PortalProcess.StartAsync(_dataA, Common("a"), portA);
        B = await PortalProcess.StartAsync(_dataB, Common("b"), portB);
        balancerHold.Stop();
        Balancer = await LoadBalancer.StartAsync([A.BaseAddress, B.BaseAddress], balancerPort);
        await Browser.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Balancer.DisposeAsync();
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Bank.DisposeAsync();
        await Redis.DisposeAsync();
        await Database.DisposeAsync();
        TestPaths.TryDelete(_dataA);
        TestPaths.TryDelete(_dataB);
        TestPaths.TryDelete(_dataBank);
    }

    /// <summary>What the bank process is started with beyond its defaults.</summary>
    protected virtual IDictionary<string, string> BankSettings() => new Dictionary<string, string>
    {
        ["SandboxBank:FastSettlementDelay"] = "00:00:00.300",
    };

    /// <summary>What instance <paramref name="name"/> is started with beyond the deployment's settings.</summary>
    protected virtual IDictionary<string, string> PortalSettings(string name) => new Dictionary<string, string>();

    /// <summary>A browser context that goes through nginx and is kept on instance <paramref name="instance"/> ("a", "b").</summary>
    public async Task<IBrowserContext> ContextOnAsync(string instance, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(Balancer.BaseAddress, width, height, acceptSelfSigned: true);
        await PinAsync(context, instance);
        return context;
    }

    /// <summary>Moves a browser to <paramref name="instance"/>: its affinity cookie, as if nginx had handed that one out.</summary>
    public async Task PinAsync(IBrowserContext context, string instance)
    {
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = "portal_instance",
            Value = await AffinityForAsync(instance),
            Domain = Balancer.BaseAddress.Host,
            Path = "/",
            Secure = true,
            HttpOnly = true,
        }]);
    }

    /// <summary>An HTTP client for nginx (accepting its test certificate).</summary>
    public HttpClient BalancerClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        UseCookies = false,
    })
    { BaseAddress = Balancer.BaseAddress };

    /// <summary>Issues an API key of the demo shop straight into the shared database, as the admin page would.</summary>
    public async Task<string> IssueApiKeyAsync()
    {
        await using var db = Database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        var issued = ApiKey.Issue(merchant.Id, "Instances test", ApiScopes.All, "tests@demo.test", DateTimeOffset.UtcNow);
        db.ApiKeys.Add(issued.Key);
        await db.SaveChangesAsync();
        return issued.Secret;
    }

    /// <summary>Turns the demo shop's store QR code on straight in the shared database; its token.</summary>
    public async Task<string> EnableStoreCodeAsync()
    {
        await using var db = Database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        var token = merchant.EnableStoreCode();
        await db.SaveChangesAsync();
        return token;
    }

    /// <summary>A checkout of the demo shop created through the API of instance <paramref name="instance"/>.</summary>
    public async Task<CreatedCheckout> CreateCheckoutAsync(string secret, decimal amount, PortalProcess instance)
    {
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/checkouts")
        {
            Content = JsonContent.Create(new { amount = amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), currency = "CNY", description = "Instances test" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedCheckout>()
            ?? throw new InvalidOperationException("The API answered no checkout.");
        return created;
    }

    // nginx keys its hash on the cookie: try values until one lands on the instance wanted, asking the instance's name
    // from the header each Portal sends (Instance:Name).
    private async Task<string> AffinityForAsync(string instance)
    {
        if (_affinity.TryGetValue(instance, out var known))
        {
            return known;
        }
        using var client = BalancerClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = Guid.NewGuid().ToString("N");
            // Health answers are short-circuited past the middleware that names the instance; a static file is not.
            using var request = new HttpRequestMessage(HttpMethod.Get, "favicon.png");
            request.Headers.Add("Cookie", $"portal_instance={candidate}");
            using var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues(InstanceName.Header, out var names) && names.Single() is var name && !_affinity.ContainsKey(name))
            {
                _affinity[name] = candidate;
            }
            if (_affinity.TryGetValue(instance, out known))
            {
                return known;
            }
        }
        throw new InvalidOperationException($"No affinity cookie led to instance {instance}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>What the tests read of a created checkout.</summary>
public sealed record CreatedCheckout(Guid Id, Uri Url)
{
    public string Token => Url.Segments[^1];
}
