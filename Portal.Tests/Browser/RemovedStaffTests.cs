using Microsoft.Playwright;
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

        // Sent there once the navigation commits: the sign-in form showing is what counts. Waiting for the page's load event
        // instead sometimes never ended when the server's redirect began before the wait did.
        await admin.Page.WaitForURLAsync(url => url.Contains("Account/Login", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(admin.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
