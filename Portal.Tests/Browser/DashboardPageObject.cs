using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>The admin dashboard as a staff member reads it.</summary>
public sealed class DashboardPageObject(IPage page)
{
    private readonly AdminPageObject _admin = new(page);

    public IPage Page { get; } = page;

    public Task SignInAsync(string email) => _admin.SignInAsync(email);

    public async Task OpenAsync()
    {
        await _admin.OpenAsync("admin");
        // The "Live" mark appears once the dashboard has subscribed to the merchant's payments.
        await Expect(Page.GetByText("Live", new() { Exact = true })).ToBeVisibleAsync();
    }

    public ILocator TodaySucceeded => Page.GetByTestId("today-succeeded");

    public ILocator RealTimeMedian => Page.GetByTestId("RealTime-median");

    public async Task<int> TodaySucceededAsync() =>
        int.Parse(await TodaySucceeded.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}
