using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The customer's checkout page, in the words a customer would use.</summary>
public sealed class CheckoutPageObject(IPage page)
{
    public IPage Page { get; } = page;

    public async Task OpenAsync(string token)
    {
        await Page.GotoAsync($"pay/{token}");
        // Prerendered HTML shows before the circuit connects; clicks before that are lost.
        await Expect(Page.Locator("main[data-ready='true']")).ToBeVisibleAsync();
    }

    public Task ChooseRealTimeAsync() => Page.GetByRole(AriaRole.Button, new() { Name = "Real-time payment" }).ClickAsync();

    public async Task EnterDetailsAsync(string account, string pin)
    {
        await Page.GetByLabel("Account number").FillAsync(account);
        await Page.GetByLabel("PIN").FillAsync(pin);
    }

    public ILocator PayButton => Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pay [A-Z]{3} ") });

    public async Task PayRealTimeAsync(string account, string pin)
    {
        await ChooseRealTimeAsync();
        await EnterDetailsAsync(account, pin);
        await PayButton.ClickAsync();
    }

    /// <summary>Chooses the fast payment and reads its code as the "Can't scan?" fallback shows it.</summary>
    public async Task<string> ShowFastCodeAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Fast payment (QR code)" }).ClickAsync();
        await Page.GetByText("Can't scan?").ClickAsync();
        return await Page.GetByTestId("payment-code").InnerTextAsync();
    }

    public ILocator SuccessHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Payment successful" });

    public ILocator FailureHeading => Page.GetByRole(AriaRole.Heading, new() { Name = "Payment not completed" });

    public ILocator FailureReason => Page.GetByTestId("failure");

    public ILocator TryAgain => Page.GetByRole(AriaRole.Button, new() { Name = "Try again" });

    public ILocator CompletedSteps => Page.Locator(".co-steps > li[data-state='done']");
}
