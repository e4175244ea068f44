using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The sign-in, account and mailbox pages as a staff member (or an invitee) uses them.</summary>
public sealed class AccountPageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Fills the sign-in form and submits it; where it leads (portal, two-factor, lockout) is the test's to check.</summary>
    public async Task SubmitSignInAsync(string email, string password)
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Opens the newest mail to this address in the development mailbox and follows its link.</summary>
    public async Task FollowMailedLinkAsync(string to, string subject)
    {
        await Page.GotoAsync($"dev/mailbox?to={Uri.EscapeDataString(to)}");
        var mail = Page.GetByRole(AriaRole.Article).Filter(new() { HasText = subject }).First;
        await Expect(mail).ToBeVisibleAsync();
        var link = await mail.GetByRole(AriaRole.Link, new() { Name = "Open link" }).GetAttributeAsync("href");
        // By path: mail sent from a test's own services carries a placeholder host, the browser knows the real one.
        await Page.GotoAsync(new Uri(link!).PathAndQuery.TrimStart('/'));
    }

    /// <summary>
    /// On the authenticator set-up page: reads the key as a phone would scan it, confirms the app's code, and waits for
    /// the recovery codes. The authenticator, for later codes.
    /// </summary>
    public async Task<Totp> SetUpAuthenticatorHereAsync()
    {
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR code to add Portal to your authenticator app" })).ToBeVisibleAsync();
        var key = (await Page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        await Page.GetByLabel("Verification code").FillAsync(totp.ComputeTotp());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verify and turn on" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Recovery codes" })).ToBeVisibleAsync();
        return totp;
    }

    public async Task AcceptInvitationAsync(string name, string password)
    {
        await Page.GetByLabel("Your name").FillAsync(name);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("Confirm password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Join and sign in" }).ClickAsync();
    }
}
