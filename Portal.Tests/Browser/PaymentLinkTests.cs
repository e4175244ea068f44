using Microsoft.Playwright;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>Payment links as staff and customers use them: deactivating, printing, the store QR code, and their audit trail.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentLinkTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Deactivate_ManagerDeactivatesLink_CheckoutRefusesIt()
    {
        var description = $"Deactivated tea {Guid.NewGuid():N}"[..26];
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 3.20m, description: description);
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("manager@demo.test");
        await admin.OpenAsync("admin/links");

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = $"Deactivate: {description}" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
        await Expect(admin.Page.GetByText("Payment link deactivated")).ToBeVisibleAsync();

        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var customer = await customerContext.NewPageAsync();
        await customer.GotoAsync($"pay/{checkout.Token}");
        await Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "This payment link is no longer active" })).ToBeVisibleAsync();
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Real-time payment" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Print_Link_ShowsMerchantAmountAndLargeQr()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 88.00m, description: "Gift box of oolong");
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 1024, height: 1100);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("viewer@demo.test");

        await admin.Page.GotoAsync($"admin/links/{checkout.Id}/print");

        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = DemoData.DemoShop })).ToBeVisibleAsync();
        await Expect(admin.Page.GetByTestId("print-amount")).ToContainTextAsync("88.00");
        await Expect(admin.Page.GetByText("Gift box of oolong")).ToBeVisibleAsync();
        var qr = admin.Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code: ") });
        Assert.True((await qr.BoundingBoxAsync())!.Width >= 300);
        await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "link-print-1024.png"), FullPage = true });
    }

    [Fact]
    public async Task Print_AnotherMerchantsLink_IsNotFound()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 5.00m, merchant: DemoData.OtherShop);
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");

        var response = await admin.Page.GotoAsync($"admin/links/{checkout.Id}/print");

        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task StoreCode_CustomerTypesAmount_PaysIt()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("other@demo.test");
        await admin.OpenAsync("admin/links");
        var create = admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create store QR code" });
        if (await create.CountAsync() > 0)
        {
            await create.ClickAsync();
        }
        var storeUrl = (await admin.Page.GetByTestId("store-url").InnerTextAsync()).Trim();

        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var customer = await customerContext.NewPageAsync();
        await customer.GotoAsync(storeUrl);
        await customer.GetByLabel("Amount in CNY").FillAsync("12.345");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await Expect(customer.GetByRole(AriaRole.Alert)).ToContainTextAsync("at most 2 decimal places");
        await customer.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "store-amount-error-375x667.png"), FullPage = true });

        await customer.GetByLabel("Amount in CNY").FillAsync("12.50");
        await customer.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        var page = new CheckoutPageObject(customer);
        await Expect(customer.GetByTestId("amount")).ToContainTextAsync("12.50");
        await Expect(customer.Locator("main[data-ready='true']")).ToBeVisibleAsync();
        await page.PayRealTimeAsync("6200000000000001", "123456");
        await Expect(page.SuccessHeading).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AuditLog_OwnerSignsInAndCreatesLink_BothAreListed()
    {
        var description = $"Audited oolong {Guid.NewGuid():N}"[..24];
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");
        await admin.OpenAsync("admin/links/new");
        await admin.Page.GetByLabel("Amount").FillAsync("6.60");
        await admin.Page.GetByLabel("Description").FillAsync(description);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create payment link" }).ClickAsync();
        await Expect(admin.Page.GetByText("Payment link created")).ToBeVisibleAsync();

        await admin.OpenAsync("admin/audit");

        await Expect(admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = description })).ToContainTextAsync("Link created");
        await Expect(admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed in" }).First).ToBeVisibleAsync();
        await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "audit-log-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task AuditLog_Manager_HasNoAuditPage()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("manager@demo.test");

        await admin.Page.GotoAsync("admin/audit");

        await Expect(admin.Page.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToHaveCountAsync(0);
    }
}
