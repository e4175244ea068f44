using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A customer pays in a real browser on a Portal whose database is PostgreSQL. The checkout card and the wallet read
/// their payment before their circuit's first render finishes only on SQLite; on a server database the read truly waits,
/// which once left the card static and the pages deaf to their payment's updates.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PostgresCheckoutTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "00:00:00.500" },
        provider: DatabaseProvider.Postgres);

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RealTimePayment_OnPostgres_PaidFromTheCheckoutPage()
    {
        var checkout = await DemoCheckouts.CreateAsync(_app.Services, 31.20m);
        await using var context = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);

        await page.PayRealTimeAsync("6200000000000001", "123456");

        await Expect(page.SuccessHeading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task FastPayment_OnPostgres_CheckoutUpdatesWhenWalletApproves()
    {
        var checkout = await DemoCheckouts.CreateAsync(_app.Services, 18.80m);
        await using var desktop = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        await using var phone = await fixture.Browser.NewContextAsync(_app.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var link = await page.ShowFastCodeAsync();

        var wallet = new WalletPageObject(await phone.NewPageAsync());
        await wallet.OpenAsync(link);
        await wallet.ApproveAsync("6200000000000001", "123456");

        await Expect(wallet.Paid).ToBeVisibleAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-fast-paid-postgres.png"), FullPage = true });
    }
}
