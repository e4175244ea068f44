using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Browser;

/// <summary>
/// A payment commits while the merchant's receiver is down; Portal is killed before any delivery succeeds. Its events
/// were committed with the payment (the outbox), so after a restart on the same data they are delivered, once each.
/// </summary>
public abstract class WebhookCrashRecoveryTests(BrowserAppFixture fixture, DatabaseProvider provider) : IAsyncLifetime
{
    private const string Payer = "6200000000000001";
    private readonly string _dataDirectory = TestPaths.NewTempDirectory("webhook-crash");
    private PortalDatabase _database = default!;

    // Short retries and timeout, so the first life fails a few times quickly and the second delivers at once.
    private static readonly Dictionary<string, string> QuickRetries = new()
    {
        ["Webhooks:RetryBase"] = "00:00:00.500",
        ["Webhooks:MaxRetryDelay"] = "00:00:02",
        ["Webhooks:Timeout"] = "00:00:02",
    };

    public Task InitializeAsync()
    {
        _database = PortalDatabase.Create(provider, _dataDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        TestPaths.TryDelete(_dataDirectory);
    }

    [Fact]
    public async Task Payment_ProcessKilledWhileReceiverDown_EventsDeliveredOnceAfterRestart()
    {
        var receiverPort = WebhookReceiver.FreePort();
        var first = await PortalProcess.StartAsync(_dataDirectory, _database.SettingsWith(QuickRetries));
        var port = first.BaseAddress.Port;
        string secret;
        Checkout checkout;
        await using (first)
        {
            secret = await AddEndpointAsync(new Uri($"http://127.0.0.1:{receiverPort}/hooks"));
            checkout = await CreateCheckoutAsync(18.00m);
            await using var context = await fixture.Browser.NewContextAsync(first.BaseAddress);
            var page = new CheckoutPageObject(await context.NewPageAsync());
            await page.OpenAsync(checkout.Token);
            await page.PayRealTimeAsync(Payer, "123456");

            // Both events committed with the payment and each tried at least once against the closed port.
            await Eventually.HoldsAsync(async () =>
            {
                var deliveries = await DeliveriesAsync();
                return deliveries.Count == 2 && deliveries.All(d => d.Attempts >= 1 && d.Status == WebhookDeliveryStatus.Pending);
            });
            first.Kill();
        }
        Assert.All(await DeliveriesAsync(), d => Assert.Null(d.DeliveredAt));

        await using var receiver = await WebhookReceiver.StartAsync(port: receiverPort);
        await using (await PortalProcess.StartAsync(_dataDirectory, _database.SettingsWith(QuickRetries), port))
        {
            await Eventually.HoldsAsync(async () => (await DeliveriesAsync()).All(d => d.Status == WebhookDeliveryStatus.Delivered));
        }

        var accepted = receiver.Accepted;
        Assert.Equal(
            [WebhookEventTypes.CheckoutCompleted, WebhookEventTypes.PaymentSucceeded],
            accepted.Select(a => a.EventType).Order());
        Assert.Equal(2, accepted.Select(a => a.EventId).Distinct().Count());
        Assert.All(accepted, a => Assert.True(DemoWebhooks.SignatureMatches(secret, a.Signature, a.Body, out _)));
        Assert.Contains(checkout.Id.ToString(), accepted.Single(a => a.EventType == WebhookEventTypes.CheckoutCompleted).Body);
    }

    // As an owner would, but written straight into the running app's database, with its secret protected by the app's
    // own key ring (in that database).
    private async Task<string> AddEndpointAsync(Uri url)
    {
        var (secret, protectedSecret, hint) = PortalKeyRing.WebhookSecrets(_database.CreateDbContext).Create();
        await using var db = _database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        db.WebhookEndpoints.Add(WebhookEndpoint.Create(merchant.Id, url.ToString(), null, WebhookEventTypes.All, allowHttp: true,
            protectedSecret, hint, "tests", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return secret;
    }

    private async Task<Checkout> CreateCheckoutAsync(decimal amount)
    {
        await using var db = _database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        var checkout = Checkout.Create(merchant,
            new CheckoutRequest(amount, "CNY", "Webhook crash order", DateTimeOffset.UtcNow.AddHours(1), "T-HOOK"), DateTimeOffset.UtcNow);
        db.Checkouts.Add(checkout);
        await db.SaveChangesAsync();
        return checkout;
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().ToListAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class WebhookCrashRecoveryOnSqliteTests(BrowserAppFixture fixture) : WebhookCrashRecoveryTests(fixture, DatabaseProvider.Sqlite);

[Collection(BrowserCollection.Name)]
public sealed class WebhookCrashRecoveryOnPostgresTests(BrowserAppFixture fixture) : WebhookCrashRecoveryTests(fixture, DatabaseProvider.Postgres);
