using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>axe-core scans of the checkout in each state, on a phone-sized screen: no serious or critical violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CheckoutAccessibilityTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task CheckoutStates_OnPhone_HaveNoSeriousViolations()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 15.00m, returnUrl: "https://shop.example/");
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await context.NewPageAsync());

        await page.OpenAsync(checkout.Token);
        await AssertAccessibleAsync(page.Page, "choose");

        await page.ChooseRealTimeAsync();
        await Expect(page.PayButton).ToBeVisibleAsync();
        await AssertAccessibleAsync(page.Page, "form");

        await page.EnterDetailsAsync("6200000000000001", "000000");
        await page.PayButton.ClickAsync();
        await Expect(page.FailureHeading).ToBeVisibleAsync();
        await AssertAccessibleAsync(page.Page, "failed");

        await page.TryAgain.ClickAsync();
        await page.EnterDetailsAsync("6200000000000001", "123456");
        await page.PayButton.ClickAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        await AssertAccessibleAsync(page.Page, "receipt");
    }

    [Fact]
    public async Task FastPaymentAndWallet_OnPhone_HaveNoSeriousViolations()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 16.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var link = await page.ShowFastCodeAsync();
        await AssertAccessibleAsync(page.Page, "fast-qr");

        var wallet = new WalletPageObject(await context.NewPageAsync());
        await wallet.OpenAsync("wallet");
        await AssertAccessibleAsync(wallet.Page, "wallet-paste");
        await wallet.OpenAsync(link);
        await AssertAccessibleAsync(wallet.Page, "wallet-approve");
        await wallet.ApproveAsync("6200000000000001", "123456");
        await Expect(wallet.Paid).ToBeVisibleAsync();
        await AssertAccessibleAsync(wallet.Page, "wallet-paid");
    }

    [Fact]
    public async Task UnknownLink_OnPhone_HasNoSeriousViolations()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var page = await context.NewPageAsync();
        await page.GotoAsync("pay/no-such-link-here-at-all-00000");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment link not found" })).ToBeVisibleAsync();

        await AssertAccessibleAsync(page, "not-found");
    }

    /// <summary>A phone-sized page that neither scrolls sideways nor has a serious axe violation; its screenshot kept.</summary>
    internal static async Task AssertAccessibleAsync(IPage page, string state)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, $"checkout-{state}-375x667.png"), FullPage = true });
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 375, $"The {state} page scrolls sideways on a phone ({scrollWidth}px wide).");

        var results = await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found in the {state} state:\n{string.Join("\n", serious)}");
    }
}
