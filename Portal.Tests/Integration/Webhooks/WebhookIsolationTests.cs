using Microsoft.Extensions.DependencyInjection;
using Portal.Admin.Webhooks;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Webhooks;

/// <summary>
/// Each merchant's endpoints hear its own events only, and an owner's webhook actions reach their own merchant's
/// endpoints and deliveries only; other roles are refused. The real app, the real actions, signed in as given.
/// </summary>
public abstract class WebhookIsolationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly PortalApp _app = new(provider: provider);
    private WebhookReceiver _receiver = null!;
    private Guid _endpointId;

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _receiver = await WebhookReceiver.StartAsync();
        (_endpointId, _) = await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url);
        await DemoPayments.PaidAsync(Services, 11.00m);
        await Eventually.HoldsAsync(async () => (await DemoWebhooks.DeliveriesAsync(Services)) is { Count: 2 } all &&
                                    all.All(d => d.Status == WebhookDeliveryStatus.Delivered));
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task OtherMerchantsOwner_Lists_SeesNoneOfDemoShopsEndpointsOrDeliveries()
    {
        var other = await ActionsOfAsync(DemoData.OtherShop, StaffRole.Owner);

        Assert.Empty(await other.ListEndpointsAsync());
        Assert.Empty(await other.ListDeliveriesAsync());
    }

    [Fact]
    public async Task OwnOwner_Lists_SeesOwnEndpointAndDeliveries()
    {
        var demo = await ActionsOfAsync(DemoData.DemoShop, StaffRole.Owner);

        Assert.Equal(_endpointId, Assert.Single(await demo.ListEndpointsAsync()).Id);
        Assert.Equal(2, (await demo.ListDeliveriesAsync(WebhookDeliveryStatus.Delivered)).Count);
        Assert.Empty(await demo.ListDeliveriesAsync(WebhookDeliveryStatus.Failed));
    }

    [Fact]
    public async Task OtherMerchantsOwner_RedeliverOrRemoveDemoShopsThings_NotFoundAndNothingChanges()
    {
        var other = await ActionsOfAsync(DemoData.OtherShop, StaffRole.Owner);
        var delivery = (await DemoWebhooks.DeliveriesAsync(Services))[0];

        await Assert.ThrowsAsync<NotFoundException>(() => other.RedeliverAsync(delivery.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => other.DeleteEndpointAsync(_endpointId));
        await Assert.ThrowsAsync<NotFoundException>(() => other.RollSecretAsync(_endpointId));

        var after = (await DemoWebhooks.DeliveriesAsync(Services)).Single(d => d.Id == delivery.Id);
        Assert.Equal(WebhookDeliveryStatus.Delivered, after.Status);
        Assert.Equal(delivery.Version, after.Version);
    }

    [Theory]
    [InlineData(StaffRole.Manager)]
    [InlineData(StaffRole.Viewer)]
    public async Task NotAnOwner_AnyWebhookAction_Forbidden(StaffRole role)
    {
        var actions = await ActionsOfAsync(DemoData.DemoShop, role);

        await Assert.ThrowsAsync<ForbiddenException>(() => actions.ListEndpointsAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => actions.ListDeliveriesAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => actions.CreateEndpointAsync("https://x.example/h", null, WebhookEventTypes.All));
    }

    [Fact]
    public async Task OtherMerchantsPayment_NotSentToDemoShopsEndpoint()
    {
        await using var others = await WebhookReceiver.StartAsync();
        await DemoWebhooks.AddEndpointAsync(Services, others.Url, merchant: DemoData.OtherShop, events: [WebhookEventTypes.PaymentSucceeded]);
        var before = _receiver.Received.Count;

        var (payment, _) = await DemoPayments.PaidAsync(Services, 8.00m, merchant: DemoData.OtherShop);

        Assert.Single(await DemoWebhooks.EventsAsync(Services, payment.PaymentId));
        await Eventually.HoldsAsync(() => Task.FromResult(others.Accepted.Count == 1));
        Assert.Equal(3, (await DemoWebhooks.DeliveriesAsync(Services)).Count);
        Assert.Equal(before, _receiver.Received.Count);
    }

    [Fact]
    public async Task Redeliver_DeliveredEvent_SentAgainWithTheSameIdAndBody()
    {
        var demo = await ActionsOfAsync(DemoData.DemoShop, StaffRole.Owner);
        var delivery = (await demo.ListDeliveriesAsync()).First(d => d.EventType == WebhookEventTypes.PaymentSucceeded);
        var first = _receiver.Accepted.Single(r => r.EventId == delivery.EventId.ToString());

        await demo.RedeliverAsync(delivery.Id);

        await Eventually.HoldsAsync(() => Task.FromResult(_receiver.Accepted.Count(r => r.EventId == delivery.EventId.ToString()) == 2));
        var again = _receiver.Accepted.Last(r => r.EventId == delivery.EventId.ToString());
        Assert.Equal(first.Body, again.Body);
        await Eventually.HoldsAsync(async () => (await demo.ListDeliveriesAsync()).Single(d => d.Id == delivery.Id) is
            { Attempts: 2, Status: WebhookDeliveryStatus.Delivered });
    }

    private Task<WebhookActions> ActionsOfAsync(string merchantName, StaffRole role) =>
        DemoWebhooks.ActionsOfAsync(Services, merchantName, role);
}

public sealed class WebhookIsolationOnSqliteTests() : WebhookIsolationTests(DatabaseProvider.Sqlite);

public sealed class WebhookIsolationOnPostgresTests() : WebhookIsolationTests(DatabaseProvider.Postgres);
