using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>A bank that takes its time: the customer can reload, or open the link elsewhere, while the payment is under way.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlowBankCheckoutTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    // Every bank call takes 2 s: the account's quote, then the order. On two cores busy with the rest of the suite the
    // pair has taken over ten seconds; the limit only ends a payment that never finishes.
    private const float BankAnswers = 30_000;

    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["SandboxBank:Latency"] = "00:00:02" });

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reload_MidPayment_ShowsProgressThenResultLive()
    {
        var checkout = await DemoCheckouts.CreateAsync(_app.Services, 7.00m);
        await using var context = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync("6200000000000001", "123456");
        await Expect(page.Page.Locator("li[data-step='4'][data-state='done']")).ToBeVisibleAsync();

        await page.Page.ReloadAsync();
        await Expect(page.Page.Locator("main[data-ready='true']")).ToBeVisibleAsync();

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "Processing your payment…" })).ToBeVisibleAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync(new() { Timeout = BankAnswers });
    }

    [Fact]
    public async Task SecondBrowser_WatchingSameLink_SeesStepsAndResultPushed()
    {
        var checkout = await DemoCheckouts.CreateAsync(_app.Services, 8.00m);
        await using var payerContext = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        await using var watcherContext = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        var payer = new CheckoutPageObject(await payerContext.NewPageAsync());
        var watcher = new CheckoutPageObject(await watcherContext.NewPageAsync());
        await payer.OpenAsync(checkout.Token);
        await watcher.OpenAsync(checkout.Token);

        await payer.PayRealTimeAsync("6200000000000001", "123456");

        await Expect(watcher.Page.GetByRole(AriaRole.Heading, new() { Name = "Processing your payment…" })).ToBeVisibleAsync();
        // The result first exists on the payer's page; then it must have been pushed to the other browser.
        await Expect(payer.SuccessHeading).ToBeVisibleAsync(new() { Timeout = BankAnswers });
        await Expect(watcher.SuccessHeading).ToBeVisibleAsync();
    }
}
