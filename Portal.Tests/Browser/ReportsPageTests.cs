using System.Globalization;
using Microsoft.Playwright;
using Portal.Domain.Reports;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task ReportsPage_Viewer_SeesTodaysSettlementAndDownloadsItsCsv()
    {
        await DemoPayments.PaidAsync(fixture.App.Services, 42.42m);
        var today = ReportPeriod.DayOf(DateTimeOffset.UtcNow).ToString(ReportPeriod.DateFormat, CultureInfo.InvariantCulture);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("viewer@demo.test");
        // Opened by address: a click on the nav link while the dashboard was still starting its circuit was lost.
        await admin.OpenAsync("admin/reports");

        await Expect(admin.Page.Locator("tr.settlement-row", new() { HasText = today })).ToBeVisibleAsync();
        var download = await admin.Page.RunAndWaitForDownloadAsync(() =>
            admin.Page.GetByRole(AriaRole.Link, new() { Name = "Download settlement CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync());

        Assert.Equal("Day,Currency,PaymentCount,Gross,RefundCount,Refunds,Fees,Net,FxPaymentCount,FxVolume", csv[0]);
        Assert.Contains(csv, l => l.StartsWith($"{today},CNY,", StringComparison.Ordinal));
        await admin.Page.ScreenshotAsync(new() { Path = Path.Combine(TestPaths.Artifacts, "admin-reports-1280x800.png"), FullPage = true });
    }

    [Fact]
    public async Task ReportsPage_Reconcile_ShowsSummaryFromTheBank()
    {
        await DemoPayments.PaidAsync(fixture.App.Services, 13.13m);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("manager@demo.test");
        await admin.OpenAsync("admin/reports");

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Reconcile" }).ClickAsync();

        await Expect(admin.Page.Locator(".reconciliation-summary")).ToContainTextAsync("agree");
        await Expect(admin.Page.Locator(".reconciliation-summary")).ToContainTextAsync("8800");
    }

    [Fact]
    public async Task ReportsPage_MalformedDaysInAddress_ClearMessageAndLastWeekShown()
    {
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("viewer@demo.test");

        await admin.OpenAsync("admin/reports?from=2026-13-01&to=2026-11-01");

        await Expect(admin.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("yyyy-MM-dd");
        await Expect(admin.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("last week");
    }
}
