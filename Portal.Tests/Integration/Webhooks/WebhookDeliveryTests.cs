using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Webhooks;

/// <summary>
/// Deliveries from the real app on a real port to a receiver on 127.0.0.1 that fails the first attempts of every
/// event. Retry times are driven by a fake clock; the timeout is short and real, so a hanging receiver costs a second.
/// </summary>
public abstract class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly PortalApp _app;
    private WebhookReceiver _receiver = null!;

    protected WebhookDeliveryTests(DatabaseProvider provider) =>
        _app = new PortalApp(new Dictionary<string, string?> { ["Webhooks:Timeout"] = "00:00:01" }, _time, provider);

    private IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _receiver = await WebhookReceiver.StartAsync(
            [ReceiverAnswer.ServerError, ReceiverAnswer.Hang, ReceiverAnswer.Redirect]);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Payment_ReceiverFailsThreeTimesThenAnswers_EachEventDeliveredOnceAfterRetries()
    {
        var (_, secret) = await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url);

        var (payment, _) = await DemoPayments.PaidAsync(Services, 12.34m);
        await DriveUntilSettledAsync();

        var events = await DemoWebhooks.EventsAsync(Services, payment.PaymentId);
        Assert.Equal(WebhookEventTypes.PaymentSucceeded, Assert.Single(events).Type);
        var accepted = _receiver.Accepted;
        Assert.Equal(2, accepted.Count);
        Assert.Equal(accepted.Count, accepted.Select(a => a.EventId).Distinct().Count());
        Assert.Equal(
            [WebhookEventTypes.CheckoutCompleted, WebhookEventTypes.PaymentSucceeded],
            accepted.Select(a => a.EventType).Order());
        // Every attempt of an event carried the same body (same id), and the four attempts came in the scripted order.
        Assert.All(_receiver.Received.GroupBy(r => r.EventId), attempts =>
        {
            Assert.Equal([ReceiverAnswer.ServerError, ReceiverAnswer.Hang, ReceiverAnswer.Redirect, ReceiverAnswer.Ok],
                attempts.Select(a => a.Answer));
            Assert.Single(attempts.Select(a => a.Body).Distinct());
        });
        var deliveries = await DemoWebhooks.DeliveriesAsync(Services);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status);
            Assert.Equal(4, d.Attempts);
            Assert.Equal(200, d.LastStatusCode);
        });
    }

    [Fact]
    public async Task Delivery_EveryAttempt_SignedWithTheEndpointSecretOverTheRawBody()
    {
        var (_, secret) = await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url);

        await DemoPayments.PaidAsync(Services, 5.00m);
        await DriveUntilSettledAsync();

        Assert.Equal(8, _receiver.Received.Count);
        Assert.All(_receiver.Received, r =>
        {
            Assert.True(DemoWebhooks.SignatureMatches(secret, r.Signature, r.Body, out _), r.Signature);
            Assert.False(DemoWebhooks.SignatureMatches("whsec_wrong", r.Signature, r.Body, out _));
            Assert.StartsWith("application/json", r.ContentType);
        });
    }

    [Fact]
    public async Task Payment_EventBody_CarriesIdTypeTimeAndThePaymentResource()
    {
        await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url, events: [WebhookEventTypes.PaymentSucceeded]);

        var (payment, _) = await DemoPayments.PaidAsync(Services, 7.50m);
        await DriveUntilSettledAsync();

        var received = Assert.Single(_receiver.Accepted);
        using var body = JsonDocument.Parse(received.Body);
        var root = body.RootElement;
        Assert.Equal(received.EventId, root.GetProperty("id").GetString());
        Assert.Equal("event", root.GetProperty("object").GetString());
        Assert.Equal("payment.succeeded", root.GetProperty("type").GetString());
        Assert.True(root.TryGetProperty("createdAt", out _));
        var data = root.GetProperty("data");
        Assert.Equal(payment.PaymentId.ToString(), data.GetProperty("id").GetString());
        Assert.Equal("payment", data.GetProperty("object").GetString());
        Assert.Equal("succeeded", data.GetProperty("status").GetString());
        Assert.Equal("7.50", data.GetProperty("amount").GetString());
        Assert.Equal(7, data.GetProperty("steps").GetArrayLength());
    }

    // Moves the fake clock on, a retry's worth at a time, until no delivery is pending any more.
    private async Task DriveUntilSettledAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var deliveries = await DemoWebhooks.DeliveriesAsync(Services);
            if (deliveries.Count > 0 && deliveries.All(d => d.Status != WebhookDeliveryStatus.Pending))
            {
                return;
            }
            _time.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(100);
        }
        throw new TimeoutException("Deliveries still pending.");
    }
}

public sealed class WebhookDeliveryOnSqliteTests() : WebhookDeliveryTests(DatabaseProvider.Sqlite);

public sealed class WebhookDeliveryOnPostgresTests() : WebhookDeliveryTests(DatabaseProvider.Postgres);
