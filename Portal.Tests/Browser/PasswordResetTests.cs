using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PasswordResetTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task ForgotPassword_LinkFromMailbox_SetsNewPassword()
    {
        var email = DemoStaff.NewEmail("reset");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());

        await account.Page.GotoAsync("Account/Login");
        await account.Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // The sign-in page has an Email field too: fill only once the forgot-password page is there.
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await account.Page.GetByLabel("Email").FillAsync(email);
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        await account.FollowMailedLinkAsync(email, "Reset your Portal password");
        await account.Page.GetByLabel("Email").FillAsync(email);
        await account.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Brand!New456");
        await account.Page.GetByLabel("Confirm password").FillAsync("Brand!New456");
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Your password was changed" })).ToBeVisibleAsync();

        await account.SubmitSignInAsync(email, "Brand!New456");
        await account.Page.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Account/ResetPassword?code=a")]
    [InlineData("Account/ResetPassword")]
    public async Task ResetPassword_MangledLink_SaysLinkIsInvalid(string path)
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This reset link is not valid" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ResetPassword_ForgedToken_SaysLinkIsInvalidAndKeepsPassword()
    {
        var email = DemoStaff.NewEmail("forge");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());

        await account.Page.GotoAsync("Account/ResetPassword?code=Zm9yZ2VkLXRva2Vu");
        await account.Page.GetByLabel("Email").FillAsync(email);
        await account.Page.GetByLabel("Password", new() { Exact = true }).FillAsync("Brand!New456");
        await account.Page.GetByLabel("Confirm password").FillAsync("Brand!New456");
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();

        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "This reset link is not valid" })).ToBeVisibleAsync();
        await account.SubmitSignInAsync(email, DemoStaff.Password);
        await account.Page.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_TenWrongPasswords_LocksTheAccountWithAClearMessage()
    {
        var email = DemoStaff.NewEmail("lock");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());

        for (var attempt = 1; attempt < 10; attempt++)
        {
            await account.SubmitSignInAsync(email, "Wrong!Pass000");
            await Expect(account.Page.GetByText("The email or password is not correct")).ToBeVisibleAsync();
        }
        await account.SubmitSignInAsync(email, "Wrong!Pass000");
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Account locked for now" })).ToBeVisibleAsync();

        // Locked means locked: the right password is refused too until the lockout ends.
        await account.SubmitSignInAsync(email, DemoStaff.Password);
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Account locked for now" })).ToBeVisibleAsync();
    }
}
