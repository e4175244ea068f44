using Microsoft.Playwright;

namespace Portal.Tests.Browser;

/// <summary>The sample shop's pages, in the words its customer reads.</summary>
public sealed class DemoShopPageObject(IPage page, Uri shop)
{
    public IPage Page { get; } = page;

    public async Task BuyAsync(string product)
    {
        await Page.GotoAsync(shop.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Buy {product}" }).ClickAsync();
    }

    public ILocator OrderHeading => Page.GetByRole(AriaRole.Heading, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Order \\d+$") });

    public ILocator Status => Page.GetByTestId("order-status");

    public ILocator PayButton => Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pay [A-Z]{3} ") });

    public ILocator TryAgain => Page.GetByRole(AriaRole.Button, new() { Name = "Try again" });

    public ILocator PaymentFailure => Page.GetByTestId("payment-failure");

    public ILocator ThankYou => Page.GetByText("Thank you, your payment was received.");
}
