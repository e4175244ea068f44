using Microsoft.Playwright;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>An owner adds an endpoint (its secret shown once), sees its deliveries, redelivers one, and removes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhooksPageTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AddEndpoint_SecretShownOnce_DeliveryListedAndRedelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        var page = admin.Page;
        // Other Shop's owner, so the endpoint hears no payment of the browser tests that pay at Demo Shop.
        await admin.SignInAsync("other@demo.test");
        await admin.OpenAsync("admin/webhooks");

        await page.GetByLabel("Endpoint URL").FillAsync(receiver.Url.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        var secretField = page.GetByLabel("Signing secret");
        await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        var secret = await secretField.InputValueAsync();
        await Expect(page.Locator("tr.endpoint-row", new() { HasText = receiver.Url.ToString() })).ToBeVisibleAsync();

        // Once: a fresh load of the page knows only the secret's first characters.
        await admin.OpenAsync("admin/webhooks");
        await Expect(page.Locator("tr.endpoint-row", new() { HasText = secret[..10] })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Signing secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await DemoPayments.PaidAsync(fixture.App.Services, 6.00m, merchant: DemoData.OtherShop);
        var row = page.Locator("tr.delivery-row", new() { HasText = WebhookEventTypes.PaymentSucceeded });
        await RefreshUntilAsync(page, row.Filter(new() { HasText = "Delivered" }));
        var eventId = receiver.Accepted.Single(r => r.EventType == WebhookEventTypes.PaymentSucceeded).EventId;
        Assert.True(DemoWebhooks.SignatureMatches(secret, receiver.Accepted[0].Signature, receiver.Accepted[0].Body, out _));

        await row.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        await Expect(page.GetByText($"{WebhookEventTypes.PaymentSucceeded} is being sent again")).ToBeVisibleAsync();
        await RefreshUntilAsync(page, row.Filter(new() { Has = page.Locator("td.delivery-attempts", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*2\s*$") }) }));
        await Expect(row.Filter(new() { HasText = "Delivered" })).ToBeVisibleAsync();
        Assert.Equal(2, receiver.Accepted.Count(r => r.EventId == eventId));

        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {receiver.Url}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Expect(page.GetByText("No endpoints yet")).ToBeVisibleAsync();
    }

    // The deliveries list is read on demand: refresh until the expected row shows.
    private static async Task RefreshUntilAsync(IPage page, ILocator expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await expected.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The delivery did not show in time.");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh deliveries" }).ClickAsync();
            await page.WaitForTimeoutAsync(200);
        }
    }
}
