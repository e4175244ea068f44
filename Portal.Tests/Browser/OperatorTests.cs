using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OperatorTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Operator_CreatesMerchant_OwnerAcceptsAndSeesTheTeam()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var ownerEmail = $"owner-{suffix}@tea.example";
        await using var operatorContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = await operatorContext.NewPageAsync();
        var account = new AccountPageObject(page);
        await account.SubmitSignInAsync("operator@demo.test", "Demo!Pass123");
        await CreateMerchantAsync(page, $"Tea House {suffix}", ownerEmail);

        await using var ownerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var owner = new AccountPageObject(await ownerContext.NewPageAsync());
        await owner.FollowMailedLinkAsync(ownerEmail, $"You are invited to Tea House {suffix}");
        await owner.AcceptInvitationAsync("Tina Tea", "Teahouse!Pass1");
        // An Owner signs in with two factors: the new owner sets up the authenticator before anything else.
        await owner.Page.WaitForURLAsync(url => url.Contains("/Account/Manage/EnableAuthenticator", StringComparison.Ordinal));
        await owner.SetUpAuthenticatorHereAsync();
        var admin = new AdminPageObject(owner.Page);
        await admin.OpenAsync("admin/team");
        await Expect(owner.Page.Locator("tr.member-row", new() { HasText = ownerEmail })).ToBeVisibleAsync();
        await Expect(owner.Page.GetByText($"Tea House {suffix}").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OperatorAudit_AfterCreatingMerchant_ShowsItWithTheOperatorsAddress()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = await context.NewPageAsync();
        await new AccountPageObject(page).SubmitSignInAsync("operator@demo.test", "Demo!Pass123");
        await CreateMerchantAsync(page, $"Audit Teas {suffix}", $"owner-{suffix}@audit.example");

        await page.GotoAsync("operator/audit");

        var row = page.Locator("tr.operator-audit-row", new() { HasText = $"Audit Teas {suffix}" });
        await Expect(row).ToContainTextAsync("Merchant created");
        await Expect(row).ToContainTextAsync("operator@demo.test");
        await Expect(row).ToContainTextAsync("127.0.0.1");
        await Expect(page.Locator("tr.operator-audit-row", new() { HasText = "Signed in" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OperatorAudit_Owner_IsRefused()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");

        await admin.Page.GotoAsync("operator/audit");

        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Not available to you" })).ToBeVisibleAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Table, new() { Name = "Operator audit log" })).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("admin/payments")]
    [InlineData("admin/team")]
    [InlineData("admin/settings")]
    public async Task Operator_MerchantAdminPage_IsRefusedCleanly(string path)
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = await context.NewPageAsync();
        await new AccountPageObject(page).SubmitSignInAsync("operator@demo.test", "Demo!Pass123");
        await page.WaitForURLAsync(url => url.Contains("/operator/merchants", StringComparison.Ordinal));

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not available to you" })).ToBeVisibleAsync();
        await Expect(page.GetByText("As the platform operator you manage merchants")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OperatorPage_Owner_IsRefused()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");

        await admin.Page.GotoAsync("operator/merchants");

        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Not available to you" })).ToBeVisibleAsync();
        await Expect(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create merchant" })).ToHaveCountAsync(0);
    }

    // Signed in as the operator, on any page: fills the new-merchant form once the circuit is live, and waits for the row.
    private static async Task CreateMerchantAsync(IPage page, string name, string ownerEmail)
    {
        await page.WaitForURLAsync(url => url.Contains("/operator/merchants", StringComparison.Ordinal));
        await Expect(page.Locator("[data-ready='true']")).ToBeVisibleAsync();

        await page.GetByLabel("Merchant name").FillAsync(name);
        await page.GetByLabel("City").FillAsync("Hangzhou");
        await page.GetByLabel("Settlement account").FillAsync($"88000000{Random.Shared.NextInt64(10_000_000, 99_999_999)}");
        await page.GetByLabel("First owner's email").FillAsync(ownerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create merchant" }).ClickAsync();
        await Expect(page.GetByText($"{name} was created.")).ToBeVisibleAsync();
        await Expect(page.Locator("tr.merchant-row", new() { HasText = name })).ToBeVisibleAsync();
    }
}
