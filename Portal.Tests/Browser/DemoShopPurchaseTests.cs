using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.ApiKeys;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The issue's end-to-end proof that the API is usable: the sample shop, as its own process with a key and a webhook
/// endpoint of its own, sells an item, sends the customer to Portal, and shows the order paid once Portal's signed
/// webhook arrives.
/// </summary>
public sealed class DemoShopPurchaseTests(DemoShopPurchaseTests.Fixture fixture) : IClassFixture<DemoShopPurchaseTests.Fixture>
{
    private const string RichPayer = "6200000000000001";
    private const string PoorPayer = "6200000000000002";

    // Patience, not a timing assertion: a step here crosses two apps (shop → API → checkout page, payment → outbox →
    // webhook → shop), each a few hops on two shared cores; the default 15 s is too short when the machine is busy.
    private static readonly LocatorAssertionsToBeVisibleOptions CrossAppVisible = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveTextOptions CrossAppText = new() { Timeout = 60_000 };

    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp Portal { get; } = new();

        public Infrastructure.Browser Browser { get; } = new();

        public DemoShopProcess Shop { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var portal = Portal.BaseAddress;
            await Browser.InitializeAsync();
            // As a merchant sets up a shop: an API key that may create checkouts, and an endpoint for the shop's webhooks.
            var apiKey = await ApiKeyIssuer.IssueAsync(Portal, DemoData.DemoShop, ApiScopes.CheckoutsWrite, "Demo shop (test)");
            var (secret, protectedSecret, hint) = Portal.Services.GetRequiredService<WebhookSecrets>().Create();
            Shop = await DemoShopProcess.StartAsync(portal, apiKey, secret);
            await using var db = await Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
            db.WebhookEndpoints.Add(WebhookEndpoint.Create(merchant.Id, Shop.WebhookUrl.ToString(), "Demo shop (test)", WebhookEventTypes.All,
                allowHttp: true, protectedSecret, hint, "tests", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync()
        {
            // What the shop logged (webhooks received, refused, applied), kept for a failing run.
            await File.WriteAllTextAsync(Path.Combine(TestPaths.Artifacts, "demo-shop.log"), Shop.Output);
            await Shop.DisposeAsync();
            await Browser.DisposeAsync();
            await Portal.DisposeAsync();
        }
    }

    [Fact]
    public async Task BuyAndPayRealTime_ReturnToShop_OrderShownPaid()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.Shop.BaseAddress);
        var shop = new DemoShopPageObject(await context.NewPageAsync(), fixture.Shop.BaseAddress);

        await shop.BuyAsync("Longjing green tea");
        await Expect(shop.Status).ToHaveTextAsync("Awaiting payment");
        await shop.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "demo-shop-order-1280x800.png"), FullPage = true });
        await shop.PayButton.ClickAsync();

        // On Portal's checkout page, for the order's amount.
        var checkout = new CheckoutPageObject(shop.Page);
        await Expect(shop.Page.Locator("main[data-ready='true']")).ToBeVisibleAsync(CrossAppVisible);
        await Expect(shop.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(fixture.Portal.BaseAddress.ToString())}pay/"));
        await Expect(shop.Page.GetByText("CNY 88.00").First).ToBeVisibleAsync();
        await checkout.PayRealTimeAsync(RichPayer, "123456");
        await Expect(checkout.SuccessHeading).ToBeVisibleAsync();

        await shop.Page.GetByRole(AriaRole.Link, new() { Name = "Return to Demo Shop" }).ClickAsync();

        // Back in the shop: paid as soon as the webhook has arrived (the page asks its own server until then).
        await Expect(shop.OrderHeading).ToBeVisibleAsync(CrossAppVisible);
        await Expect(shop.Status).ToHaveTextAsync("Paid", CrossAppText);
        await Expect(shop.ThankYou).ToBeVisibleAsync();
        await Expect(shop.PayButton).ToHaveCountAsync(0);
        await shop.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "demo-shop-paid-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task PaymentRefused_BackInShop_ShowsFailedAttemptAndCustomerPaysOnRetry()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.Shop.BaseAddress);
        var shop = new DemoShopPageObject(await context.NewPageAsync(), fixture.Shop.BaseAddress);
        await shop.BuyAsync("Celadon mug");
        var orderPage = shop.Page.Url;
        await shop.PayButton.ClickAsync();
        var checkout = new CheckoutPageObject(shop.Page);
        await Expect(shop.Page.Locator("main[data-ready='true']")).ToBeVisibleAsync(CrossAppVisible);
        await checkout.PayRealTimeAsync(PoorPayer, "123456");
        await Expect(checkout.FailureReason).ToContainTextAsync("does not have enough funds");

        // The customer goes back to the shop: payment.failed has told it why, and it offers another try.
        await shop.Page.GotoAsync(orderPage);
        await Expect(shop.PaymentFailure).ToContainTextAsync("does not have enough funds", new() { Timeout = 60_000 });
        await Expect(shop.Status).ToHaveTextAsync("Awaiting payment");
        await shop.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "demo-shop-failed-1280x800.png"), FullPage = true });
        await shop.TryAgain.ClickAsync();

        // Back on the same checkout, which Portal kept open and which still shows the refusal: paying now marks the order paid.
        await Expect(shop.Page.Locator("main[data-ready='true']")).ToBeVisibleAsync(CrossAppVisible);
        await checkout.TryAgain.ClickAsync();
        await checkout.EnterDetailsAsync(RichPayer, "123456");
        await checkout.PayButton.ClickAsync();
        await Expect(checkout.SuccessHeading).ToBeVisibleAsync();
        await shop.Page.GotoAsync(orderPage);
        await Expect(shop.Status).ToHaveTextAsync("Paid", CrossAppText);
    }
}
