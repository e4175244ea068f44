using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// An owner replaces and switches off the store QR code from the links page, confirming each in a dialog, and a
/// customer scanning the printed code reads what happened. An app of its own: the demo shop's code changes here.
/// </summary>
public sealed class StoreCodeAdminTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Owner_ReplacesThenSwitchesOffAndOn_CustomersReadEachState()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");
        await admin.OpenAsync("admin/links");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create store QR code" }).ClickAsync();
        var storeUrl = admin.Page.GetByTestId("store-url");
        await Expect(storeUrl).ToContainTextAsync("/pay/store/");
        var oldUrl = (await storeUrl.InnerTextAsync()).Trim();

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Replace code" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Replace code" }).ClickAsync();
        await Expect(admin.Page.GetByText("Store QR code replaced. Print the new one.")).ToBeVisibleAsync();
        await Expect(storeUrl).Not.ToHaveTextAsync(oldUrl);
        var newUrl = (await storeUrl.InnerTextAsync()).Trim();

        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress, width: 375, height: 667);
        var customer = await customerContext.NewPageAsync();
        var replaced = await customer.GotoAsync(oldUrl);
        Assert.Equal(410, replaced!.Status);
        await Expect(customer.GetByText("This store code has been replaced. Ask the shop for its current code.")).ToBeVisibleAsync();
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" })).ToHaveCountAsync(0);

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Switch off" }).ClickAsync();
        await admin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Switch off" }).ClickAsync();
        await Expect(admin.Page.GetByTestId("store-off")).ToBeVisibleAsync();
        await customer.GotoAsync(newUrl);
        await Expect(customer.GetByText("This shop isn't taking payments by this code right now.")).ToBeVisibleAsync();

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Switch on" }).ClickAsync();
        await Expect(admin.Page.GetByTestId("store-off")).ToHaveCountAsync(0);
        await customer.GotoAsync(newUrl);
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" })).ToBeVisibleAsync();
    }
}
