using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Webhooks;

/// <summary>
/// The other side of <see cref="WebhookAddressTests"/>: the webhook client connects to the address Portal resolved and
/// checked itself, not to one the system resolver picks on its own. With private networks allowed (Development), a
/// name the test's DNS maps to 127.0.0.1 reaches the real receiver there.
/// </summary>
public sealed class WebhookConnectorTests : IAsyncLifetime
{
    private readonly FakeDnsPortalApp _app = new(new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "true" });
    private WebhookReceiver _receiver = null!;

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

    [Fact]
    public async Task Delivery_PrivateNetworksAllowed_ConnectsToTheAddressTheNameResolvesTo()
    {
        _app.Dns.Map("receiver.example", "127.0.0.1");
        var (_, secret) = await DemoWebhooks.AddEndpointAsync(_app.Services, new Uri($"http://receiver.example:{_receiver.Url.Port}/hooks"),
            events: [WebhookEventTypes.PaymentSucceeded]);

        await DemoPayments.PaidAsync(_app.Services, 4.00m);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_receiver.Accepted.Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The delivery did not arrive.");
            await Task.Delay(50);
        }
        var received = Assert.Single(_receiver.Accepted);
        Assert.True(DemoWebhooks.SignatureMatches(secret, received.Signature, received.Body, out _));
    }
}
