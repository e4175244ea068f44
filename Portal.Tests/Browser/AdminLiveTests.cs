using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminLiveTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task PaymentsList_CustomerPaysInAnotherBrowser_RowAppearsAndSucceedsWithoutReload()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 31.17m);
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("manager@demo.test");
        await admin.OpenPaymentsAsync();

        var customer = new CheckoutPageObject(await customerContext.NewPageAsync());
        await customer.OpenAsync(checkout.Token);
        await customer.PayRealTimeAsync("6200000000000001", "123456");

        var row = admin.RowWith("CNY 31.17");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("[data-status='Succeeded']")).ToBeVisibleAsync();
        await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "admin-payments-live-1280x800.png") });
    }

    [Fact]
    public async Task PaymentDetail_AfterPayment_ShowsSevenStepTimeline()
    {
        var paymentId = await PayAsCustomerAsync(9.99m);

        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("viewer@demo.test");
        await admin.Page.GotoAsync($"admin/payments/{paymentId}");

        foreach (var step in new[] { "Method chosen", "Details entered", "Payee verified", "Payee processed", "Notified" })
        {
            await Expect(admin.Page.GetByText(step).First).ToBeVisibleAsync();
        }
        await Expect(admin.Page.GetByText("per 100 CNY").First).ToBeVisibleAsync();
        await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "admin-payment-detail-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task PaymentDetail_OtherMerchantsPayment_ReadsAsNotFound()
    {
        var paymentId = await PayAsCustomerAsync(4.00m);

        await using var otherContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var other = new AdminPageObject(await otherContext.NewPageAsync());
        await other.SignInAsync("other@demo.test");
        await other.Page.GotoAsync($"admin/payments/{paymentId}");

        await Expect(other.Page.GetByText("Payment not found").First).ToBeVisibleAsync();
        await Expect(other.Page.GetByText("CNY 4.00")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task NewLink_OwnerCreatesLink_CustomerCanOpenIt()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");
        await admin.OpenAsync("admin/links/new");

        await admin.Page.GetByLabel("Amount").FillAsync("66.60");
        await admin.Page.GetByLabel("Amount").PressAsync("Tab");
        await admin.Page.GetByLabel("Description").FillAsync("Browser-made link");
        await admin.Page.GetByLabel("Description").PressAsync("Tab");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create payment link" }).ClickAsync();

        var link = admin.Page.GetByRole(AriaRole.Textbox, new() { Name = "Link", Exact = true });
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/pay/[A-Za-z0-9_-]{27}$"));
        var token = (await link.InputValueAsync()).Split("/pay/")[1];
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var customer = new CheckoutPageObject(await customerContext.NewPageAsync());
        await customer.OpenAsync(token);
        await Expect(customer.Page.GetByTestId("amount")).ToHaveTextAsync("CNY 66.60");
    }

    // A customer pays a new Demo Shop checkout in their own browser; returns the payment's id.
    private async Task<Guid> PayAsCustomerAsync(decimal amount)
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, amount);
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var customer = new CheckoutPageObject(await customerContext.NewPageAsync());
        await customer.OpenAsync(checkout.Token);
        await customer.PayRealTimeAsync("6200000000000001", "123456");
        await Expect(customer.SuccessHeading).ToBeVisibleAsync();
        return (await DemoCheckouts.PaymentsOfAsync(fixture.App.Services, checkout.Id)).Single().Id;
    }
}
