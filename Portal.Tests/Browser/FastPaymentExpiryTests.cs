using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>A QR code's lifetime, driven by a fake clock: the page offers a new code and the wallet refuses the old one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FastPaymentExpiryTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new PortalApp(time: _time);
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task QrCode_AfterItsLifetime_PageOffersNewCodeAndWalletRefusesOldOne()
    {
        var checkout = await DemoCheckouts.CreateAsync(_app.Services, 9.00m, expiresIn: TimeSpan.FromHours(2));
        await using var desktop = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        await using var phone = await fixture.Browser.NewContextAsync(_app.BaseAddress, width: 375, height: 667);
        var page = new CheckoutPageObject(await desktop.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        var oldLink = await page.ShowFastCodeAsync();

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "This QR code has expired" })).ToBeVisibleAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-fast-expired-1280x800.png"), FullPage = true });
        var wallet = new WalletPageObject(await phone.NewPageAsync());
        await wallet.OpenAsync(oldLink);
        await Expect(wallet.Page.GetByRole(AriaRole.Heading, new() { Name = "This code has expired" })).ToBeVisibleAsync();
        await wallet.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "wallet-expired-375x667.png"), FullPage = true });
        await Expect(wallet.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") })).ToHaveCountAsync(0);

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Get a new code" }).ClickAsync();
        await page.Page.GetByText("Can't scan?").ClickAsync();
        var newLink = await page.Page.GetByTestId("payment-code").InnerTextAsync();
        Assert.NotEqual(oldLink, newLink);
    }

    [Fact]
    public async Task ApproveFast_ExpiredCode_FailsAsExpiredAndMovesNothing()
    {
        var services = _app.Services;
        var flow = services.GetRequiredService<PaymentFlow>();
        var checkout = await DemoCheckouts.CreateAsync(services, 9.00m, expiresIn: TimeSpan.FromHours(2));
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);

        _time.Advance(TimeSpan.FromMinutes(16));
        var result = await flow.ApproveFastAsync(started.PaymentId, PayerDetails.Parse("6200000000000001", "123456"), "key");

        Assert.Equal("EXPD", result.FailureCode);
        Assert.Equal(0, await BankBook.LedgerTransactionsForAsync(services, started.PaymentId));
    }
}
