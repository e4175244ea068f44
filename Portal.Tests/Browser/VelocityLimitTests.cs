using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Guessing PINs on the checkout, as customers' browsers behind a proxy the app trusts (which reports each one's
/// address): past a limit the page says calmly how long to wait, and nothing is recorded: no payment step, no refusal
/// counted on the checkout, no call to the bank.
/// </summary>
public sealed class VelocityLimitTests(VelocityLimitTests.Fixture fixture) : IClassFixture<VelocityLimitTests.Fixture>
{
    private const int AddressBurst = 2;
    private const int AccountBurst = 3;

    public sealed class Fixture() : BrowserAppFixture(new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        ["VelocityLimits:PayPerAddress:Burst"] = AddressBurst.ToString(CultureInfo.InvariantCulture),
        ["VelocityLimits:PayPerAddress:Every"] = "01:00:00",
        ["VelocityLimits:PayPerAccount:Burst"] = AccountBurst.ToString(CultureInfo.InvariantCulture),
        ["VelocityLimits:PayPerAccount:Every"] = "01:00:00",
    }, []);

    private IServiceProvider Services => fixture.App.Services;

    [Fact]
    public async Task Pay_ManyCheckoutsFromOneAddress_ShowsCalmWaitAndRecordsNothing()
    {
        const string address = "198.51.100.40";
        for (var i = 0; i < AddressBurst; i++)
        {
            var tried = await OpenCheckoutAsync(address);
            await tried.Page.PayRealTimeAsync(await BankBook.OpenPayerAsync(Services, 100m), "000000");
            await Expect(tried.Page.FailureHeading).ToBeVisibleAsync();
            await tried.Context.DisposeAsync();
        }

        var (context, page, checkoutId) = await OpenCheckoutAsync(address);
        await page.PayRealTimeAsync(await BankBook.OpenPayerAsync(Services, 100m), "000000");

        await Expect(page.Page.GetByText(
            new System.Text.RegularExpressions.Regex("^Too many attempts from this connection\\. Please wait \\d+ seconds and try again\\.$"))).ToBeVisibleAsync();
        await Expect(page.PayButton).ToBeVisibleAsync();
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-velocity-limit.png"), FullPage = true });
        await context.DisposeAsync();
        var payment = Assert.Single(await DemoCheckouts.PaymentsOfAsync(Services, checkoutId));
        Assert.Equal(PaymentStatus.Started, payment.Status);
        Assert.Null(payment.FailureCode);
        Assert.Equal(0, (await DemoCheckouts.ReloadAsync(Services, checkoutId)).FailedAttempts);
    }

    [Fact]
    public async Task Pay_OneAccountFromManyAddressesAndMerchants_IsHeldPerAccount()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 100m);
        for (var i = 0; i < AccountBurst; i++)
        {
            var tried = await OpenCheckoutAsync($"198.51.100.{50 + i}", i % 2 == 0 ? DemoData.DemoShop : DemoData.OtherShop);
            await tried.Page.PayRealTimeAsync(payer, "000000");
            await Expect(tried.Page.FailureHeading).ToBeVisibleAsync();
            await tried.Context.DisposeAsync();
        }

        var (context, page, checkoutId) = await OpenCheckoutAsync("198.51.100.59", DemoData.OtherShop);
        await page.PayRealTimeAsync(payer, "000000");

        await Expect(page.Page.GetByText("Too many attempts with this account. Please wait")).ToBeVisibleAsync();
        await context.DisposeAsync();
        var payment = Assert.Single(await DemoCheckouts.PaymentsOfAsync(Services, checkoutId));
        Assert.Equal(PaymentStatus.Started, payment.Status);
        Assert.Equal(0, (await DemoCheckouts.ReloadAsync(Services, checkoutId)).FailedAttempts);
    }

    [Fact]
    public async Task WalletApprove_ManyFromOneAddress_ShowsCalmWaitAndLeavesThePaymentAsItWas()
    {
        const string address = "198.51.100.80";
        for (var i = 0; i < AddressBurst; i++)
        {
            var (triedContext, tried, _) = await OpenWalletAsync(address);
            await tried.ApproveAsync(await BankBook.OpenPayerAsync(Services, 100m), "000000");
            await Expect(tried.Page.GetByTestId("failure")).ToBeVisibleAsync();
            await triedContext.DisposeAsync();
        }

        var (context, wallet, paymentId) = await OpenWalletAsync(address);
        await wallet.ApproveAsync(await BankBook.OpenPayerAsync(Services, 100m), "000000");

        await Expect(wallet.Page.GetByText("Too many attempts from this connection. Please wait")).ToBeVisibleAsync();
        await context.DisposeAsync();
        var payment = await DemoPayments.ReloadAsync(Services, paymentId);
        Assert.Equal(PaymentStatus.Started, payment.Status);
        Assert.Null(payment.FailureCode);
    }

    [Fact]
    public async Task Pay_CustomerPayingOnce_IsNeverHeld()
    {
        var (context, page, _) = await OpenCheckoutAsync("198.51.100.70");

        await page.PayRealTimeAsync(await BankBook.OpenPayerAsync(Services, 100m), "123456");

        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        await context.DisposeAsync();
    }

    // A fast payment's wallet page, in a phone's browser of its own at this address.
    private async Task<(IBrowserContext Context, WalletPageObject Wallet, Guid PaymentId)> OpenWalletAsync(string address)
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m);
        var started = await Services.GetRequiredService<PaymentFlow>().ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = address });
        var wallet = new WalletPageObject(await context.NewPageAsync());
        await wallet.OpenAsync($"wallet/{started.PaymentId:N}");
        return (context, wallet, started.PaymentId);
    }

    // A browser of its own, whose every request (the circuit's too) the trusted proxy says comes from this address.
    private async Task<(IBrowserContext Context, CheckoutPageObject Page, Guid CheckoutId)> OpenCheckoutAsync(string address,
        string merchant = DemoData.DemoShop)
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m, merchant);
        var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Forwarded-For"] = address });
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        return (context, page, checkout.Id);
    }
}
