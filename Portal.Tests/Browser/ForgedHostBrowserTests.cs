using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A browser that reaches Portal under a name of someone else's choosing (evil.example, resolved to 127.0.0.1), so
/// every page it opens carries that Host: the addresses the pages hand out are still on <c>Checkout:PublicBaseUrl</c>.
/// </summary>
public sealed class ForgedHostBrowserTests(ForgedHostBrowserTests.Fixture fixture) : IClassFixture<ForgedHostBrowserTests.Fixture>
{
    private const string PublicBaseUrl = "https://pay.portal.test/";

    public sealed class Fixture() : BrowserAppFixture(
        new Dictionary<string, string?> { ["Checkout:PublicBaseUrl"] = PublicBaseUrl },
        ["--host-resolver-rules=MAP evil.example 127.0.0.1"])
    {
        /// <summary>The app as the browser names it.</summary>
        public Uri ForgedAddress => new($"http://evil.example:{App.BaseAddress.Port}/");
    }

    [Fact]
    public async Task TeamInvite_ForgedHost_ShowsLinkOnPublicBaseUrl()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.ForgedAddress);
        var owner = new AdminPageObject(await context.NewPageAsync());
        await owner.SignInAsync("owner@demo.test");
        await owner.OpenAsync("admin/team");
        await owner.Page.GetByLabel("Email").FillAsync(DemoStaff.NewEmail("forged"));

        await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();

        await Expect(owner.Page.GetByRole(AriaRole.Textbox, new() { Name = "Invitation link" }))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{PublicBaseUrl}invite/"));
    }

    [Fact]
    public async Task OperatorOnboarding_ForgedHost_ShowsOwnersLinkOnPublicBaseUrl()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await using var context = await fixture.Browser.NewContextAsync(fixture.ForgedAddress);
        var page = await context.NewPageAsync();
        await new AccountPageObject(page).SubmitSignInAsync("operator@demo.test", "Demo!Pass123");
        await page.WaitForURLAsync(url => url.Contains("/operator/merchants", StringComparison.Ordinal));
        await Expect(page.Locator("[data-ready='true']")).ToBeVisibleAsync();
        await page.GetByLabel("Merchant name").FillAsync($"Forged Tea {suffix}");
        await page.GetByLabel("City").FillAsync("Hangzhou");
        await page.GetByLabel("Settlement account").FillAsync($"88000000{Random.Shared.NextInt64(10_000_000, 99_999_999)}");
        await page.GetByLabel("First owner's email").FillAsync($"owner-{suffix}@tea.example");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create merchant" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Owner's invitation link" }))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{PublicBaseUrl}invite/"));
    }

    [Fact]
    public async Task FastPayment_ForgedHost_CodeIsWalletLinkOnPublicBaseUrl()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services);
        await using var context = await fixture.Browser.NewContextAsync(fixture.ForgedAddress);
        var page = new CheckoutPageObject(await context.NewPageAsync());
        await page.OpenAsync(checkout.Token);

        var code = await page.ShowFastCodeAsync();

        Assert.StartsWith(PublicBaseUrl + "wallet/", code, StringComparison.Ordinal);
    }
}
