using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Webhooks;
using Portal.Webhooks;

namespace Portal.Tests.Components.Admin;

public sealed class WebhookComponentsTests : AdminComponentTest
{
    private const string Secret = "whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    [Fact]
    public async Task SecretPanel_Render_ShowsTheSecretAndCopiesIt()
    {
        var cut = Render<SecretPanel>(p => p.Add(c => c.Secret, Secret));

        Assert.Contains(cut.FindAll("input"), i => i.GetAttribute("value") == Secret);
        await cut.Find("button[aria-label='Copy secret']").ClickAsync(new MouseEventArgs());
        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "portal.copyText");
        Assert.Equal(Secret, call.Arguments[0]);
    }

    [Fact]
    public async Task DeliveryTable_RedeliverClicked_RaisesWithThatDelivery()
    {
        DeliveryRow? asked = null;
        var failed = Row(WebhookDeliveryStatus.Failed, 500, "Answered 500.");
        var cut = Render<DeliveryTable>(p => p
            .Add(c => c.Deliveries, [Row(WebhookDeliveryStatus.Delivered, 200, null), failed])
            .Add(c => c.OnRedeliver, (DeliveryRow row) => asked = row));

        await cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Redeliver {failed.EventType} {failed.EventId}").ClickAsync(new MouseEventArgs());

        Assert.Equal(failed, asked);
    }

    [Fact]
    public void DeliveryTable_FailedDelivery_ShowsCodeAndReason()
    {
        var cut = Render<DeliveryTable>(p => p.Add(c => c.Deliveries, [Row(WebhookDeliveryStatus.Failed, 302, "Answered 302 (a redirect, which is not followed).")]));

        var row = cut.Find("tr.delivery-row");
        Assert.Contains("302", row.TextContent);
        Assert.Contains("redirect, which is not followed", row.TextContent);
        Assert.Contains("Failed", row.TextContent);
    }

    private static DeliveryRow Row(WebhookDeliveryStatus status, int? code, string? error) => new(Guid.NewGuid(), Guid.NewGuid(),
        WebhookEventTypes.PaymentSucceeded, "https://shop.example/hooks", status, code, error, 1,
        new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 12, 0, 1, TimeSpan.Zero), null);
}
