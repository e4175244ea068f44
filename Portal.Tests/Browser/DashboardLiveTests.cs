using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DashboardLiveTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task Dashboard_CustomerPaysInAnotherBrowser_FiguresUpdateWithoutReload()
    {
        var checkout = await DemoCheckouts.CreateAsync(fixture.App.Services, 42.42m);
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        await using var customerContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var dashboard = new DashboardPageObject(await staffContext.NewPageAsync());
        await dashboard.SignInAsync("manager@demo.test");
        await dashboard.OpenAsync();
        var succeededBefore = await dashboard.TodaySucceededAsync();

        var customer = new CheckoutPageObject(await customerContext.NewPageAsync());
        await customer.OpenAsync(checkout.Token);
        await customer.PayRealTimeAsync("6200000000000001", "123456");

        await Expect(dashboard.TodaySucceeded).ToHaveTextAsync((succeededBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(dashboard.RealTimeMedian).Not.ToBeEmptyAsync();
        await dashboard.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "admin-dashboard-live-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task Dashboard_SignIn_IsTheLandingPage()
    {
        await using var staffContext = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var dashboard = new DashboardPageObject(await staffContext.NewPageAsync());

        await dashboard.SignInAsync("viewer@demo.test");

        await Expect(dashboard.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }
}
