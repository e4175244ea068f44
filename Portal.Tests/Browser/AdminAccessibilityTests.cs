using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// axe-core scans of the admin portal's sections as a whole page, layout, navigation and account menu included, in
/// the light and the dark theme: no serious or critical violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminAccessibilityTests(BrowserAppFixture fixture)
{
    private static readonly string[] Sections =
        ["admin", "admin/payments", "admin/links", "admin/refunds", "admin/reports", "admin/team", "admin/settings", "admin/audit",
         "admin/api-keys"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AdminSections_AsOwner_HaveNoSeriousViolations(bool dark)
    {
        await DemoPayments.PaidAsync(fixture.App.Services, 42.00m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var owner = new AdminPageObject(await context.NewPageAsync());
        await owner.SignInAsync("owner@demo.test");
        if (dark)
        {
            await owner.OpenAsync("admin");
            await owner.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
            await Expect(owner.Page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
            // The choice reaches the cookie through the circuit a moment after the click; the next page reads it.
            for (var tries = 0; tries < 50 && !(await context.CookiesAsync()).Any(c => c is { Name: "portal-theme", Value: "dark" }); tries++)
            {
                await Task.Delay(100);
            }
        }

        var found = new List<string>();
        foreach (var section in Sections)
        {
            await owner.OpenAsync(section);
            // Lists and charts load after the first render; scan what the owner reads, not a spinner.
            await owner.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await owner.Page.Locator(".mud-progress-linear").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
            // The chosen theme holds on every page the owner opens, not only until the next page load.
            await Expect(owner.Page.GetByRole(AriaRole.Button, new() { Name = dark ? "Switch to light mode" : "Switch to dark mode" }))
                .ToBeVisibleAsync();
            var name = $"admin-a11y-{section.Replace('/', '-')}-{(dark ? "dark" : "light")}-1280x800.png";
            await owner.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, name), FullPage = true });
            var results = await owner.Page.RunAxe();
            found.AddRange(results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{section}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
