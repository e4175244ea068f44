using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The payments list's filter bar and grid as a staff member uses them (open the page with <see cref="AdminPageObject"/>).</summary>
public sealed class PaymentsPageObject(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>The grid's count ("12 payments"), which changes once the grid has loaded under a new filter.</summary>
    public ILocator Count => Page.Locator(".payment-count");

    public ILocator SearchField => Page.GetByLabel("Payment id or reference");

    public ILocator RowWith(string text) => Page.Locator("tr.payment-row", new() { HasText = text });

    /// <summary>Types into the search and presses Enter, as one does in a search box.</summary>
    public async Task SearchAsync(string text)
    {
        await SearchField.FillAsync(text);
        await SearchField.PressAsync("Enter");
    }

    public async Task TypeSearchAsync(string text) => await SearchField.FillAsync(text);

    public async Task ChooseStatusAsync(string status)
    {
        await Page.GetByLabel("Status", new() { Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = status, Exact = true }).ClickAsync();
        // The choice is the circuit's once the select shows it; Apply pressed before that would read the old status.
        await Expect(Page.GetByLabel("Status", new() { Exact = true })).ToHaveValueAsync(status);
    }

    public async Task ApplyAsync() => await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
}
