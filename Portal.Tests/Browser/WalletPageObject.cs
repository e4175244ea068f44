using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The sandbox mobile wallet, on a phone.</summary>
public sealed class WalletPageObject(IPage page)
{
    public IPage Page { get; } = page;

    public async Task OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await Expect(Page.Locator("main[data-ready='true']")).ToBeVisibleAsync();
    }

    public async Task PasteAsync(string code)
    {
        await OpenAsync("wallet");
        await Page.GetByLabel("Payment code").FillAsync(code);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    public async Task ApproveAsync(string account, string pin)
    {
        await Expect(Page.Locator("main[data-ready='true']")).ToBeVisibleAsync();
        await Page.GetByLabel("Account number").FillAsync(account);
        await Page.GetByLabel("PIN").FillAsync(pin);
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Approve") }).ClickAsync();
    }

    public ILocator Error => Page.GetByTestId("wallet-error");

    public ILocator Paid => Page.GetByRole(AriaRole.Heading, new() { Name = "Payment successful" });
}
