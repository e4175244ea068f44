using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The customer's receipt shows the merchant's refunds, live while it is open and after a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReceiptRefundTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task OpenReceipt_ManagerRefundsPart_ReceiptShowsItWithoutReload()
    {
        var services = fixture.App.Services;
        var payer = await BankBook.OpenPayerAsync(services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 40.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await page.PayRealTimeAsync(payer, "123456");
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
        var paymentId = Guid.Parse(await page.Page.GetByTestId("payment-id").InnerTextAsync());

        // The manager, in another browser, refunds part of it from the payment's page.
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("manager@demo.test");
        var manager = new RefundPageObject(admin);
        await manager.OpenPaymentAsync(paymentId);
        await manager.RequestAsync("15.00", "Goods returned");
        await Expect(manager.Card("CNY 15.00")).ToHaveAttributeAsync("data-status", "Succeeded");

        await Expect(page.Page.GetByTestId("receipt-refund")).ToHaveCountAsync(1);
        await Expect(page.Page.GetByTestId("receipt-refund")).ToContainTextAsync("CNY 15.00");
        await Expect(page.Page.GetByTestId("receipt-refund")).ToContainTextAsync("Refunded");
        await Expect(page.Page.GetByTestId("receipt-refunded-total")).ToHaveTextAsync("Refunded so far: CNY 15.00");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "receipt-refund-1280x800.png"), FullPage = true });

        await page.Page.ReloadAsync();
        await Expect(page.Page.GetByTestId("receipt-refunded-total")).ToHaveTextAsync("Refunded so far: CNY 15.00");
    }
}
