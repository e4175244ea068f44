using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// Staff who must sign in with two factors (Owners; everyone, when their merchant says so) are held at the set-up page
/// until the authenticator is on. Their emails are outside the demo's domain, which Development exempts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorSetUpTests(BrowserAppFixture fixture)
{
    private const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    [Fact]
    public async Task Owner_WithoutTwoFactor_IsHeldAtSetUpThenReachesAdmin()
    {
        var email = NewEmail("own");
        await DemoStaff.CreateAsync(fixture.App.Services, email, StaffRole.Owner);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());

        await account.SubmitSignInAsync(email, DemoStaff.Password);
        await account.Page.WaitForURLAsync(url => url.Contains(SetUpPath, StringComparison.Ordinal));
        await account.Page.GotoAsync("admin/payments");
        await account.Page.WaitForURLAsync(url => url.Contains(SetUpPath, StringComparison.Ordinal));
        await account.SetUpAuthenticatorHereAsync();

        var admin = new AdminPageObject(account.Page);
        await admin.OpenAsync("admin/payments");
        Assert.Contains("/admin/payments", account.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_TwoFactorForAllStaff_HoldsManagerAtSetUpUntilSwitchedOff()
    {
        var email = NewEmail("mgr");
        await DemoStaff.CreateAsync(fixture.App.Services, email, StaffRole.Manager, DemoData.OtherShop);
        await using var ownerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var owner = new AdminPageObject(await ownerContext.NewPageAsync());
        await owner.SignInAsync("other@demo.test");
        await owner.OpenAsync("admin/settings");

        await owner.Page.GetByLabel("Require two-factor for all staff").CheckAsync();
        await Expect(owner.Page.GetByText("Two-factor is now required for all staff")).ToBeVisibleAsync();
        await using (var managerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress))
        {
            var manager = new AccountPageObject(await managerContext.NewPageAsync());
            await manager.SubmitSignInAsync(email, DemoStaff.Password);
            await manager.Page.WaitForURLAsync(url => url.Contains(SetUpPath, StringComparison.Ordinal));
        }
        Assert.True(await AuditedAsync("Required two-factor sign-in for all staff"));

        await owner.Page.GetByLabel("Require two-factor for all staff").UncheckAsync();
        await Expect(owner.Page.GetByText("Two-factor is now required for Owners only")).ToBeVisibleAsync();
        await using var laterContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await new AdminPageObject(await laterContext.NewPageAsync()).SignInAsync(email, DemoStaff.Password);
    }

    private async Task<bool> AuditedAsync(string summary)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AnyAsync(e => e.Summary == summary);
    }

    private static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)] + "@shop.example";
}
