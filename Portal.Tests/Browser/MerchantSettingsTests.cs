using Microsoft.Playwright;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MerchantSettingsTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Settings_OwnerSetsAccentAndEmv_CheckoutShowsThem()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("other@demo.test");
        await admin.OpenAsync("admin/settings");

        await admin.Page.GetByLabel("Accent colour").FillAsync("#0A7D5A");
        await admin.Page.GetByLabel("Accent colour").PressAsync("Tab");
        await admin.Page.GetByLabel("QR code carries").ClickAsync();
        await admin.Page.GetByText("An EMV merchant-presented payment code").ClickAsync();
        // Saved only once the select shows the choice: under a loaded machine a Save clicked while the list was still
        // closing went out with the previous format.
        await Expect(admin.Page.Locator(".mud-select", new() { HasText = "QR code carries" }).First)
            .ToContainTextAsync(new System.Text.RegularExpressions.Regex("EMV"));
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(admin.Page.GetByText("Settings saved")).ToBeVisibleAsync();

        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 2.50m, merchant: DemoData.OtherShop);
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await customerContext.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        Assert.Contains("#0A7D5A", await page.Page.Locator("main").GetAttributeAsync("style"));
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Fast payment (QR code)" }).ClickAsync();
        await page.Page.GetByText("Can't scan?").ClickAsync();
        Assert.StartsWith("000201010212", await page.Page.GetByTestId("payment-code").InnerTextAsync());
    }

    [Fact]
    public async Task Settings_OwnerStopsTakingGbp_GbpPayerIsToldBeforeAnyQuote()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("other@demo.test");
        await admin.OpenAsync("admin/settings");

        await admin.Page.GetByLabel("GBP").UncheckAsync();
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save cross-border payers" }).ClickAsync();
        await Expect(admin.Page.GetByText("Cross-border payers saved")).ToBeVisibleAsync();
        await admin.OpenAsync("admin/settings");
        await Expect(admin.Page.GetByLabel("GBP")).Not.ToBeCheckedAsync();
        await Expect(admin.Page.GetByLabel("USD")).ToBeCheckedAsync();

        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 4.00m, merchant: DemoData.OtherShop);
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = new CheckoutPageObject(await customerContext.NewPageAsync());
        await page.OpenAsync(checkout.Token);
        await page.ChooseRealTimeAsync();
        await page.EnterDetailsAsync("6203000000000001", "123456");
        await Expect(page.Page.GetByText("This shop does not take payments from accounts in this currency.")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("quote")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Settings_BadColour_SaysSoAndSavesNothing()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");
        await admin.OpenAsync("admin/settings");

        await admin.Page.GetByLabel("Accent colour").FillAsync("blue");
        await admin.Page.GetByLabel("Accent colour").PressAsync("Tab");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Expect(admin.Page.GetByText("A colour is written #RRGGBB")).ToBeVisibleAsync();
        await admin.OpenAsync("admin/settings");
        await Expect(admin.Page.GetByLabel("Accent colour")).ToHaveValueAsync("#3F51B5");
    }

    [Fact]
    public async Task Settings_Manager_IsRefused()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await staffContext.NewPageAsync());
        await admin.SignInAsync("manager@demo.test");

        await admin.Page.GotoAsync("admin/settings");

        await Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToHaveCountAsync(0);
        await Expect(admin.Page.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
    }
}
