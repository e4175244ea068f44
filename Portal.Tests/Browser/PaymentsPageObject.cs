using System.Globalization;
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

    /// <summary>The rows of the page on show, in order.</summary>
    public ILocator Rows => Page.Locator("tr.payment-row");

    public ILocator FirstPage => Page.GetByRole(AriaRole.Button, new() { Name = "First page" });

    public ILocator PreviousPage => Page.GetByRole(AriaRole.Button, new() { Name = "Previous page" });

    public ILocator NextPage => Page.GetByRole(AriaRole.Button, new() { Name = "Next page" });

    /// <summary>Chooses another page size; the grid starts again from its first page (wait for its rows).</summary>
    public async Task ChooseRowsPerPageAsync(int size)
    {
        await Page.GetByLabel("Rows per page", new() { Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = size.ToString(CultureInfo.InvariantCulture), Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Types the day into the pager's date field and leaves it with Tab, as one does without opening the calendar (the
    /// field takes typed text when it loses focus). The grid then shows the day's last payment first (wait for its rows).
    /// </summary>
    public async Task JumpToDateAsync(DateOnly day)
    {
        var field = Page.GetByLabel("Jump to date", new() { Exact = true });
        await field.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await field.PressAsync("Tab");
    }

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
