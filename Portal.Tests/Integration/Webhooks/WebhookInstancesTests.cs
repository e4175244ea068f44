using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Webhooks;

/// <summary>
/// Two Portal processes on one PostgreSQL database, each with its own dispatcher, sending to one endpoint: every event
/// reaches it once, also when the instance that was sending one is killed mid-POST. The events are written straight
/// into the outbox, as a commit on either instance would, and nothing nudges the dispatchers: their polls alone find them.
/// </summary>
public sealed class WebhookInstancesTests : IAsyncLifetime
{
    // A short claim (timeout + 5 s) so the killed instance's delivery is retried within seconds.
    private static readonly Dictionary<string, string> Quick = new()
    {
        ["Webhooks:PollInterval"] = "00:00:00.200",
        ["Webhooks:Timeout"] = "00:00:03",
        ["Webhooks:RetryBase"] = "00:00:00.500",
        ["Webhooks:MaxRetryDelay"] = "00:00:01",
    };

    private readonly List<string> _directories = [];
    private readonly List<PortalProcess> _instances = [];
    private PortalDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = PortalDatabase.Create(DatabaseProvider.Postgres);
        // One after the other: the first migrates and seeds the demo, the second finds both done.
        _instances.Add(await StartInstanceAsync());
        _instances.Add(await StartInstanceAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
        await _database.DisposeAsync();
        _directories.ForEach(TestPaths.TryDelete);
    }

    [Fact]
    public async Task Events_TwoInstancesDispatching_EachReceivedOncePerEndpoint()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await AddEndpointAsync(receiver.Url);

        var events = await AddEventsAsync(40);

        await Eventually.HoldsAsync(async () => (await DeliveriesAsync()) is { Count: 40 } all && all.All(d => d.Status == WebhookDeliveryStatus.Delivered));
        Assert.Equal(events.Order(), receiver.Received.Select(r => Guid.Parse(r.EventId)).Order());
        Assert.All(await DeliveriesAsync(), d => Assert.Equal(1, d.Attempts));
    }

    [Fact]
    public async Task Delivery_SenderKilledWhileHoldingTheClaim_OtherInstanceDeliversOnceAfterItLapses()
    {
        // The first POST hangs, so the instance that claimed it is still sending when it dies.
        await using var receiver = await WebhookReceiver.StartAsync([ReceiverAnswer.Hang]);
        await AddEndpointAsync(receiver.Url);

        var eventId = Assert.Single(await AddEventsAsync(1));
        await Eventually.HoldsAsync(() => Task.FromResult(!receiver.Received.IsEmpty));
        var claimed = Assert.Single(await DeliveriesAsync());
        var holder = _instances.Single(i => claimed.ClaimedBy!.Split('/')[1] == i.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        holder.Kill();

        await Eventually.HoldsAsync(async () => Assert.Single(await DeliveriesAsync()).Status == WebhookDeliveryStatus.Delivered);
        var delivered = Assert.Single(await DeliveriesAsync());
        // The killed instance never recorded its attempt; the survivor's is the only one, made after the claim lapsed.
        Assert.Equal(1, delivered.Attempts);
        Assert.Null(delivered.ClaimedBy);
        Assert.Equal([ReceiverAnswer.Hang, ReceiverAnswer.Ok], receiver.Received.Select(r => r.Answer));
        Assert.All(receiver.Received, r => Assert.Equal(eventId.ToString(), r.EventId));
    }

    private async Task<PortalProcess> StartInstanceAsync()
    {
        var directory = TestPaths.NewTempDirectory("instance");
        _directories.Add(directory);
        return await PortalProcess.StartAsync(directory, _database.SettingsWith(Quick));
    }

    // As an owner would, written into the shared database with its secret protected by the instances' own key ring.
    private async Task AddEndpointAsync(Uri url)
    {
        var (_, protectedSecret, hint) = PortalKeyRing.WebhookSecrets(_database.CreateDbContext).Create();
        await using var db = _database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        db.WebhookEndpoints.Add(WebhookEndpoint.Create(merchant.Id, url.ToString(), null, WebhookEventTypes.All, allowHttp: true,
            protectedSecret, hint, "tests", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    private async Task<List<Guid>> AddEventsAsync(int count)
    {
        await using var db = _database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        var events = Enumerable.Range(0, count).Select(_ =>
        {
            var id = Guid.CreateVersion7();
            return new WebhookEvent
            {
                Id = id,
                MerchantId = merchant.Id,
                Type = WebhookEventTypes.PaymentSucceeded,
                ObjectId = Guid.CreateVersion7(),
                CreatedAt = DateTimeOffset.UtcNow,
                Payload = $$"""{"id":"{{id}}","object":"event","type":"{{WebhookEventTypes.PaymentSucceeded}}"}""",
            };
        }).ToList();
        db.WebhookEvents.AddRange(events);
        await db.SaveChangesAsync();
        return events.Select(e => e.Id).ToList();
    }

    private async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().ToListAsync();
    }
}
