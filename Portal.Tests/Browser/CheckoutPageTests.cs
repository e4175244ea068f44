using Microsoft.Playwright;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CheckoutPageTests(BrowserAppFixture fixture)
{
    private const string RichPayer = "6200000000000001";
    private const string PoorPayer = "6200000000000002";

    [Fact]
    public async Task PayRealTime_CorrectPin_ShowsReceiptWithAllSevenSteps()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 12.34m, returnUrl: "https://shop.example/thanks");
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());

        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync(RichPayer, "123456");

        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("receipt-amount")).ToHaveTextAsync("CNY 12.34");
        await Expect(page.Page.GetByText("6200 •••• 0001")).ToBeVisibleAsync();
        await Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Return to Demo Shop" }))
            .ToHaveAttributeAsync("href", "https://shop.example/thanks");
        await Expect(page.CompletedSteps).ToHaveCountAsync(7);
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "checkout-receipt-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task PayRealTime_WrongPin_SaysSoAndLetsCustomerRetry()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 3.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());

        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync(RichPayer, "000000");

        await Expect(page.FailureHeading).ToBeVisibleAsync();
        await Expect(page.FailureReason).ToHaveTextAsync("This account number and PIN do not match. Check both and try again.");
        await page.TryAgain.ClickAsync();
        await page.EnterDetailsAsync(RichPayer, "123456");
        await page.PayButton.ClickAsync();
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PayRealTime_UnknownAccountOrWrongPin_CustomerReadsTheSameRefusal_MerchantKeepsTheCode()
    {
        // An attacker probing account numbers learns nothing from the page: an account that does not exist and a real
        // one with a wrong PIN read the same.
        var unknown = await RefusalShownAsync("6299999999999999", "123456");
        var wrongPin = await RefusalShownAsync(RichPayer, "000000");

        Assert.Equal(unknown.Text, wrongPin.Text);
        Assert.Equal("AC01", (await DemoCheckouts.PaymentsOfAsync(fixture.App.Services, unknown.CheckoutId)).Single().FailureCode);
        Assert.Equal("PIN1", (await DemoCheckouts.PaymentsOfAsync(fixture.App.Services, wrongPin.CheckoutId)).Single().FailureCode);
    }

    private async Task<(string Text, Guid CheckoutId)> RefusalShownAsync(string account, string pin)
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 2.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync(account, pin);
        await Expect(page.FailureHeading).ToBeVisibleAsync();
        return (await page.FailureReason.InnerTextAsync(), checkout.Id);
    }

    [Fact]
    public async Task PayRealTime_InsufficientFunds_SaysSoAndKeepsCheckoutOpen()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 500.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());

        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync(PoorPayer, "123456");

        await Expect(page.FailureReason).ToContainTextAsync("does not have enough funds");
        var after = await DemoCheckouts.ReloadAsync(fixture.App.Services, checkout.Id);
        Assert.Equal(global::Portal.Domain.Checkouts.CheckoutStatus.Open, after.Status);
    }

    [Fact]
    public async Task PayButton_DoubleClick_PaysOnce()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 1.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());

        await page.OpenAsync(checkout.Token);
        await page.ChooseRealTimeAsync();
        await page.EnterDetailsAsync(RichPayer, "123456");
        await page.PayButton.DblClickAsync();

        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        var payments = await DemoCheckouts.PaymentsOfAsync(fixture.App.Services, checkout.Id);
        Assert.Single(payments, p => p.Status == PaymentStatus.Succeeded);
        Assert.DoesNotContain(payments, p => p.Status == PaymentStatus.Processing);
    }

    [Fact]
    public async Task Open_PaidCheckout_ShowsReceiptNotForm()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 2.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync(RichPayer, "123456");
        await Expect(page.SuccessHeading).ToBeVisibleAsync();

        var second = new CheckoutPageObject(await context.NewPageAsync());
        await second.OpenAsync(checkout.Token);

        await Expect(second.SuccessHeading).ToBeVisibleAsync();
        await Expect(second.Page.GetByRole(AriaRole.Button, new() { Name = "Real-time payment" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Open_UnknownToken_ShowsNotFoundPage()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("pay/this-link-does-not-exist-at-all");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payment link not found" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Open_ExpiredCheckout_ShowsExpiredPage()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 2.00m, expiresIn: TimeSpan.FromSeconds(1));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());

        await page.OpenAsync(checkout.Token);

        await Expect(page.Page.GetByRole(AriaRole.Heading, new() { Name = "This payment link has expired" })).ToBeVisibleAsync();
    }
}
