using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Admin.Webhooks;
using Portal.Audit;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Webhooks;

/// <summary>
/// Rolling an endpoint's secret on the real app, delivering to a real receiver: for 24 hours (on a fake clock) each
/// delivery carries a signature with the new secret and one with the old, so a receiver holding either verifies it;
/// after that only the new secret signs.
/// </summary>
public sealed class WebhookSecretRollTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly PortalApp _app;
    private WebhookReceiver _receiver = null!;

    public WebhookSecretRollTests() => _app = new PortalApp(time: _time);

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

    [Fact]
    public async Task RollSecret_DeliveryWithinADay_SignedWithBothOldAndNew()
    {
        var (endpointId, oldSecret) = await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url, events: [WebhookEventTypes.PaymentSucceeded]);
        var newSecret = await (await OwnerAsync()).RollSecretAsync(endpointId);
        _time.Advance(TimeSpan.FromHours(23));

        await DemoPayments.PaidAsync(Services, 6.00m);

        var received = await NextAcceptedAsync(1);
        Assert.Equal(2, received.Signature.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal)));
        Assert.True(DemoWebhooks.SignatureMatches(newSecret, received.Signature, received.Body, out _));
        Assert.True(DemoWebhooks.SignatureMatches(oldSecret, received.Signature, received.Body, out _));
    }

    [Fact]
    public async Task RollSecret_DeliveryAfterADay_SignedWithTheNewOnly()
    {
        var (endpointId, oldSecret) = await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url, events: [WebhookEventTypes.PaymentSucceeded]);
        var newSecret = await (await OwnerAsync()).RollSecretAsync(endpointId);
        _time.Advance(TimeSpan.FromHours(24));

        await DemoPayments.PaidAsync(Services, 6.00m);

        var received = await NextAcceptedAsync(1);
        Assert.Single(received.Signature.Split(','), p => p.StartsWith("v1=", StringComparison.Ordinal));
        Assert.True(DemoWebhooks.SignatureMatches(newSecret, received.Signature, received.Body, out _));
        Assert.False(DemoWebhooks.SignatureMatches(oldSecret, received.Signature, received.Body, out _));
    }

    [Fact]
    public async Task RollSecret_Audited_WithoutTheSecret()
    {
        var (endpointId, _) = await DemoWebhooks.AddEndpointAsync(Services, _receiver.Url);

        var newSecret = await (await OwnerAsync()).RollSecretAsync(endpointId);

        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.TargetId == endpointId.ToString()).ToListAsync();
        var rolled = Assert.Single(entries, e => e.Summary.Contains("Rolled the signing secret", StringComparison.Ordinal));
        Assert.DoesNotContain(newSecret, rolled.Summary + rolled.Details, StringComparison.Ordinal);
    }

    private async Task<ReceivedWebhook> NextAcceptedAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_receiver.Accepted.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The delivery did not arrive.");
            }
            await Task.Delay(50);
        }
        return _receiver.Accepted[count - 1];
    }

    private Task<WebhookActions> OwnerAsync() => DemoWebhooks.ActionsOfAsync(Services);
}
