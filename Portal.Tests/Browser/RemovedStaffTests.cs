using Portal.Domain.Merchants;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// A member removed from the team while their admin pages are open: the open page is sent to sign in at once (not at
/// the next periodic re-check, a minute away), so it shows nothing of the merchant from then on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RemovedStaffTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Remove_MemberWithPaymentsOpen_PageIsSentToSignIn()
    {
        var email = DemoStaff.NewEmail("ousted");
        var member = await DemoStaff.CreateAsync(fixture.App.Services, email, StaffRole.Manager);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync(email, DemoStaff.Password);
        await admin.OpenPaymentsAsync();

        await (await DemoTeam.OfAsync(fixture.App.Services)).RemoveAsync(member.Id);

        await admin.Page.WaitForURLAsync(url => url.Contains("Account/Login", StringComparison.Ordinal));
        await Expect(admin.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
