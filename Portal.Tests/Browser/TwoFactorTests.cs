using Microsoft.Playwright;
using OtpNet;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task TwoFactor_SetUpWithAppCode_NextSignInAsksForCode()
    {
        var email = DemoStaff.NewEmail("tfa");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());
        var totp = await SetUpAuthenticatorAsync(account, email);
        await SignOutAsync(account);

        await account.SubmitSignInAsync(email, DemoStaff.Password);
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in" })).ToBeVisibleAsync();
        // The next 30-second step's code: Identity accepts neighbouring steps, and it differs from the set-up code.
        await account.Page.GetByLabel("Authenticator code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await account.Page.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoFactor_RecoveryCode_SignsInOnce()
    {
        var email = DemoStaff.NewEmail("rec");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());
        await SetUpAuthenticatorAsync(account, email);
        var recoveryCode = await account.Page.Locator(".recovery-code").First.InnerTextAsync();
        await SignOutAsync(account);

        await account.SubmitSignInAsync(email, DemoStaff.Password);
        await account.Page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a recovery code" }).ClickAsync();
        await account.Page.GetByLabel("Recovery code").FillAsync(recoveryCode);
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await account.Page.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoFactor_WrongCode_SaysSo()
    {
        var email = DemoStaff.NewEmail("bad");
        await DemoStaff.CreateAsync(fixture.App.Services, email);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var account = new AccountPageObject(await context.NewPageAsync());
        await account.SubmitSignInAsync(email, DemoStaff.Password);
        await account.Page.GotoAsync("Account/Manage/EnableAuthenticator");

        await account.Page.GetByLabel("Verification code").FillAsync("000000");
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();

        await Expect(account.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not the one the app shows");
    }

    /// <summary>Signs in, opens the set-up page from the account menu, reads the key as a phone would scan it, confirms a code.</summary>
    private static async Task<Totp> SetUpAuthenticatorAsync(AccountPageObject account, string email)
    {
        await account.SubmitSignInAsync(email, DemoStaff.Password);
        var admin = new AdminPageObject(account.Page);
        await admin.OpenAsync("admin/payments");
        await account.Page.GetByLabel($"Account menu for {email.Split('@')[0]}").ClickAsync();
        await account.Page.GetByText("Security (two-factor)").ClickAsync();
        await account.Page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();

        await Expect(account.Page.GetByRole(AriaRole.Img, new() { Name = "QR code to add Portal to your authenticator app" })).ToBeVisibleAsync();
        var key = (await account.Page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await account.Page.GetByLabel("Verification code").FillAsync(totp.ComputeTotp());
        await account.Page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
        await Expect(account.Page.GetByRole(AriaRole.Heading, new() { Name = "Recovery codes" })).ToBeVisibleAsync();
        return totp;
    }

    private static async Task SignOutAsync(AccountPageObject account)
    {
        // The cookie goes with the browser context's cookies, as signing out would take it.
        await account.Page.Context.ClearCookiesAsync();
    }
}
