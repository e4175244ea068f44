using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The admin portal as a staff member uses it.</summary>
public sealed class AdminPageObject(IPage page)
{
    public IPage Page { get; } = page;

    public async Task SignInAsync(string email, string password = "Demo!Pass123")
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Signed in once the server redirects to the portal with its cookie (the navigation commits); the dashboard's own
        // scripts and styles loading is not part of signing in, and every caller opens the page it needs and waits for it.
        await Page.WaitForURLAsync(url => url.Contains("/admin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Opens an admin page and waits until it is interactive (typing into the prerendered page is lost).</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Expect(Page.Locator("[data-ready='true']")).ToBeVisibleAsync();
    }

    public async Task OpenPaymentsAsync()
    {
        await OpenAsync("admin/payments");
        // The "Live" mark appears once the page has subscribed to the merchant's payments.
        await Expect(Page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
    }

    public ILocator RowWith(string text) => Page.Locator("tr.payment-row", new() { HasText = text });
}
