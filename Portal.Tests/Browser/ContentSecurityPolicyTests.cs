using System.Collections.Concurrent;
using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Chromium reports every script, style, image or connection the Content-Security-Policy refuses in the console; a
/// walk through each kind of page, each doing what it is for, must produce none.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task CustomerPages_PayingRealTimeAndByQrCode_BreakNoRule()
    {
        var violations = new ConcurrentQueue<string>();
        await using var desktop = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var phone = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);

        var realTime = new CheckoutPageObject(await WatchedPageAsync(desktop, violations));
        await realTime.OpenAsync((await DemoCheckouts.CreateAsync(fixture.App.Services, 7.10m)).Token);
        await realTime.PayRealTimeAsync("6200000000000001", "123456");
        await Expect(realTime.SuccessHeading).ToBeVisibleAsync();

        var fast = new CheckoutPageObject(await WatchedPageAsync(desktop, violations));
        await fast.OpenAsync((await DemoCheckouts.CreateAsync(fixture.App.Services, 7.20m)).Token);
        var link = await fast.ShowFastCodeAsync();
        await Expect(fast.Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("QR code") })).ToBeVisibleAsync();
        var wallet = new WalletPageObject(await WatchedPageAsync(phone, violations));
        await wallet.OpenAsync(link);
        await wallet.ApproveAsync("6200000000000001", "123456");
        await Expect(wallet.Paid).ToBeVisibleAsync();
        await Expect(fast.SuccessHeading).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task StaffPages_SignInDashboardPaymentsAndDetail_BreakNoRule()
    {
        var violations = new ConcurrentQueue<string>();
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await WatchedPageAsync(context, violations));

        await admin.SignInAsync("manager@demo.test");
        await admin.OpenAsync("admin");
        await admin.OpenPaymentsAsync();
        // The row's own link: a click on the row lands in a grid that may be reloading its page after going live.
        await admin.Page.Locator("tr.payment-row a").First.ClickAsync();
        await Expect(admin.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/payments/[0-9a-fA-F-]{36}$"));
        await Expect(admin.Page.GetByText("Method chosen").First).ToBeVisibleAsync();
        await admin.Page.GotoAsync("no-such-page");
        await Expect(admin.Page.GetByRole(AriaRole.Heading).First).ToBeVisibleAsync();

        Assert.Empty(violations);
    }

    [Fact]
    public async Task ApiReference_Loaded_BreaksNoRule()
    {
        var violations = new ConcurrentQueue<string>();
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = await WatchedPageAsync(context, violations);

        await page.GotoAsync("scalar/");
        await Expect(page.GetByText("Portal merchant API").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(violations);
    }

    private static async Task<IPage> WatchedPageAsync(IBrowserContext context, ConcurrentQueue<string> violations)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Enqueue($"{page.Url}: {error}");
        return page;
    }
}
