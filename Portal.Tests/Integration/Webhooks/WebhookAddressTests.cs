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
/// An owner who points a webhook inside (this machine, the cloud's metadata address, a private network, a name that
/// resolves there) as an attacker would: refused at save with one message whatever lies behind, and refused at the
/// socket when a name saved as public resolves to 127.0.0.1 at send time. A real receiver listens on 127.0.0.1 and
/// must hear nothing; DNS, which is outside Portal, is a table the test writes.
/// </summary>
public sealed class WebhookAddressTests : IAsyncLifetime
{
    private const string PublicAddress = "93.184.216.34";

    private readonly FakeDnsPortalApp _app = new(new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "false",
        ["Webhooks:MaxEndpointsPerMerchant"] = "2",
        ["Webhooks:RedeliveriesPerMinute"] = "2",
    });

    private WebhookReceiver _receiver = null!;

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://127.1/hooks")]
    [InlineData("https://2130706433/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.5/hooks")]
    [InlineData("https://192.168.1.20/hooks")]
    [InlineData("https://100.64.1.1/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://admin.localhost/hooks")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("https://intranet/hooks")]
    public async Task CreateEndpoint_AddressInside_RefusedWithOneMessageAndNothingStored(string url)
    {
        var owner = await OwnerAsync();

        var refusal = await Assert.ThrowsAsync<DomainValidationException>(() => owner.CreateEndpointAsync(url, null, WebhookEventTypes.All));

        Assert.Equal(WebhookUrlCheck.NotPublic, Assert.Single(refusal.Errors["Url"]));
        Assert.Empty(await owner.ListEndpointsAsync());
    }

    [Fact]
    public async Task CreateEndpoint_ReceiverOnLoopbackOverHttp_Refused()
    {
        var owner = await OwnerAsync();

        var refusal = await Assert.ThrowsAsync<DomainValidationException>(() =>
            owner.CreateEndpointAsync(_receiver.Url.ToString(), null, WebhookEventTypes.All));

        Assert.Equal(WebhookUrlCheck.NotPublic, Assert.Single(refusal.Errors["Url"]));
        Assert.Empty(await owner.ListEndpointsAsync());
    }

    [Fact]
    public async Task CreateEndpoint_NameResolvingToLoopback_RefusedWithTheSameMessageAsAnUnknownName()
    {
        _app.Dns.Map("evil.example", "127.0.0.1");
        var owner = await OwnerAsync();

        var resolvesInside = await Assert.ThrowsAsync<DomainValidationException>(() =>
            owner.CreateEndpointAsync("https://evil.example/hooks", null, WebhookEventTypes.All));
        var resolvesNowhere = await Assert.ThrowsAsync<DomainValidationException>(() =>
            owner.CreateEndpointAsync("https://unknown.example/hooks", null, WebhookEventTypes.All));

        Assert.Equal(WebhookUrlCheck.NotPublic, Assert.Single(resolvesInside.Errors["Url"]));
        Assert.Equal(resolvesInside.Errors["Url"], resolvesNowhere.Errors["Url"]);
        Assert.Empty(await owner.ListEndpointsAsync());
    }

    [Fact]
    public async Task CreateEndpoint_NameResolvingToPublicAndPrivate_Refused()
    {
        _app.Dns.Map("mixed.example", PublicAddress, "10.1.2.3");
        var owner = await OwnerAsync();

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            owner.CreateEndpointAsync("https://mixed.example/hooks", null, WebhookEventTypes.All));

        Assert.Empty(await owner.ListEndpointsAsync());
    }

    [Fact]
    public async Task CreateEndpoint_PublicName_Saved()
    {
        _app.Dns.Map("shop.example", PublicAddress);
        var owner = await OwnerAsync();

        var created = await owner.CreateEndpointAsync("https://shop.example/hooks", null, WebhookEventTypes.All);

        Assert.Equal(created.Endpoint.Id, Assert.Single(await owner.ListEndpointsAsync()).Id);
    }

    [Fact]
    public async Task UpdateEndpoint_ToLoopback_RefusedAndStoredAddressKept()
    {
        _app.Dns.Map("shop.example", PublicAddress);
        var owner = await OwnerAsync();
        var created = await owner.CreateEndpointAsync("https://shop.example/hooks", null, WebhookEventTypes.All);

        await Assert.ThrowsAsync<DomainValidationException>(() =>
            owner.UpdateEndpointAsync(created.Endpoint.Id, "https://127.0.0.1/hooks", null, WebhookEventTypes.All, enabled: true));

        Assert.Equal("https://shop.example/hooks", Assert.Single(await owner.ListEndpointsAsync()).Url);
    }

    [Fact]
    public async Task Delivery_NameRebindsToLoopbackAfterSave_RefusedAtConnectReceiverHearsNothing()
    {
        _app.Dns.Map("rebind.example", PublicAddress);
        var owner = await OwnerAsync();
        await owner.CreateEndpointAsync($"http://rebind.example:{_receiver.Url.Port}/hooks", null, [WebhookEventTypes.PaymentSucceeded]);
        _app.Dns.Map("rebind.example", "127.0.0.1");

        await DemoPayments.PaidAsync(Services, 9.00m);

        await Eventually.HoldsAsync(async () => (await owner.ListDeliveriesAsync()) is [{ Attempts: >= 1 }]);
        var row = Assert.Single(await owner.ListDeliveriesAsync());
        Assert.Equal(WebhookSender.AddressNotAllowed, row.LastError);
        Assert.Null(row.LastStatusCode);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Delivery_EndpointStoredBeforeTheRulesOnLoopback_RefusedAtConnectReceiverHearsNothing()
    {
        await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url, events: [WebhookEventTypes.PaymentSucceeded]);
        var owner = await OwnerAsync();

        await DemoPayments.PaidAsync(Services, 9.00m);

        await Eventually.HoldsAsync(async () => (await owner.ListDeliveriesAsync()) is [{ Attempts: >= 1 }]);
        Assert.Equal(WebhookSender.AddressNotAllowed, Assert.Single(await owner.ListDeliveriesAsync()).LastError);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task CreateEndpoint_BeyondTheCap_RefusedWithClearMessage()
    {
        _app.Dns.Map("shop.example", PublicAddress);
        var owner = await OwnerAsync();
        await owner.CreateEndpointAsync("https://shop.example/a", null, WebhookEventTypes.All);
        await owner.CreateEndpointAsync("https://shop.example/b", null, WebhookEventTypes.All);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => owner.CreateEndpointAsync("https://shop.example/c", null, WebhookEventTypes.All));

        Assert.Contains("at most 2 webhook endpoints", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await owner.ListEndpointsAsync()).Count);
    }

    [Fact]
    public async Task Redeliver_BeyondThePerMinuteCap_RefusedWithClearMessage()
    {
        await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url, events: [WebhookEventTypes.PaymentSucceeded]);
        var owner = await OwnerAsync();
        await DemoPayments.PaidAsync(Services, 9.00m);
        await Eventually.HoldsAsync(async () => (await owner.ListDeliveriesAsync()).Count == 1);
        var delivery = Assert.Single(await owner.ListDeliveriesAsync());

        // Each request counts, also one that meets the dispatcher's claim on the row and is told so.
        await RedeliverCountingConflictAsync(owner, delivery.Id);
        await RedeliverCountingConflictAsync(owner, delivery.Id);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => owner.RedeliverAsync(delivery.Id));

        Assert.Contains("2 redeliveries this minute", refusal.Message, StringComparison.Ordinal);
    }

    private static async Task RedeliverCountingConflictAsync(WebhookActions owner, Guid deliveryId)
    {
        var outcome = await Record.ExceptionAsync(() => owner.RedeliverAsync(deliveryId));
        Assert.True(outcome is null or ConcurrencyConflictException, outcome?.ToString());
    }

    private Task<WebhookActions> OwnerAsync() => DemoWebhooks.ActionsOfAsync(Services);
}
