using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The owner's refund settings. Other Shop's, so that the demo merchant's threshold stays what the four-eyes tests expect.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundSettingsTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task RefundSettings_OwnerSavesWindowAndThreshold_TheyStay()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = await OpenAsOtherShopOwnerAsync(context);

        await admin.Page.GetByLabel("Refunds allowed for (days after payment)").FillAsync("30");
        await admin.Page.GetByLabel("Refunds allowed for (days after payment)").PressAsync("Tab");
        await admin.Page.GetByLabel("Second approver needed above").FillAsync("250.00");
        await admin.Page.GetByLabel("Second approver needed above").PressAsync("Tab");
        await admin.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save refund settings" }).ClickAsync();
        await Expect(admin.Page.GetByText("Refund settings saved")).ToBeVisibleAsync();

        await admin.OpenAsync("admin/settings");
        await Expect(admin.Page.GetByLabel("Refunds allowed for (days after payment)")).ToHaveValueAsync("30");
        await Expect(admin.Page.GetByLabel("Second approver needed above")).ToHaveValueAsync("250.00");
    }

    [Fact]
    public async Task RefundSettings_ThresholdWithTooManyDecimals_SaysSoBesideIt()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = await OpenAsOtherShopOwnerAsync(context);

        await admin.Page.GetByLabel("Second approver needed above").FillAsync("12.345");
        await admin.Page.GetByLabel("Second approver needed above").PressAsync("Tab");
        await admin.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save refund settings" }).ClickAsync();

        await Expect(admin.Page.GetByText("Enter an amount in CNY with at most 2 decimals")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RefundSettings_OwnerRaisesThreshold_ItWaitsAsPendingUntilCancelled()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = await OpenAsOtherShopOwnerAsync(context);

        await admin.Page.GetByLabel("Second approver needed above").FillAsync("50000.00");
        await admin.Page.GetByLabel("Second approver needed above").PressAsync("Tab");
        await admin.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save refund settings" }).ClickAsync();

        var pending = admin.Page.GetByText("Pending: CNY 50,000.00 from");
        await Expect(pending).ToBeVisibleAsync();
        await Expect(admin.Page.GetByLabel("Second approver needed above")).Not.ToHaveValueAsync("50000.00");
        await admin.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Cancel the raise" }).ClickAsync();
        await Expect(admin.Page.GetByText("The raise was cancelled")).ToBeVisibleAsync();
        await Expect(pending).ToHaveCountAsync(0);
    }

    private static async Task<AdminPageObject> OpenAsOtherShopOwnerAsync(Microsoft.Playwright.IBrowserContext context)
    {
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("other@demo.test");
        await admin.OpenAsync("admin/settings");
        return admin;
    }
}
