using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
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

    [Fact]
    public async Task OpenReceipt_CrossBorderPaymentRefundedInPart_ShowsThePayersCurrencyFirst()
    {
        var services = fixture.App.Services;
        var payer = await BankBook.OpenForeignPayerAsync(services, "USD", 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 40.00m);
        var flow = services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var quote = (await flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;
        await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote.QuoteId), "key-1");
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await Expect(page.SuccessHeading).ToBeVisibleAsync();

        var manager = await DemoPayments.StaffAsync(services, StaffRole.Manager);
        var refund = await services.GetRequiredService<RefundFlow>()
            .RequestAsync(manager, started.PaymentId, new RefundRequest("10.00", RefundReason.Returned, null, "refund-1"));
        var payerShare = (await DemoPayments.RefundsOfAsync(services, started.PaymentId)).Single(r => r.Id == refund.RefundId).PayerAmount!.Value;

        // A quarter of the CNY amount returns a quarter of the USD paid, rounded down.
        Assert.Equal(Money.FromMinorUnits(quote.PayerTotal.MinorUnits / 4, "USD"), payerShare);
        var line = page.Page.GetByTestId("receipt-refund");
        await Expect(line).ToContainTextAsync(payerShare.ToAmountString());
        await Expect(line).ToContainTextAsync("(CNY 10.00)");
        await Expect(page.Page.GetByTestId("receipt-refunded-total")).ToContainTextAsync($"{payerShare.ToAmountString()} (CNY 10.00)");
        await page.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "receipt-refund-cross-border.png"), FullPage = true });
    }
}
