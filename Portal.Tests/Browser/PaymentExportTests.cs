using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PaymentExportTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task ExportCsv_TenThousandPayments_DownloadsEveryRow()
    {
        // Other Shop's, under a reference of their own, so the other browser tests' payments neither add nor go missing.
        var prefix = $"BULK{Guid.NewGuid():N}"[..12] + "-";
        var contexts = fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var seeded = await new PaymentHistoryBuilder(await DemoCheckouts.MerchantAsync(fixture.App.Services, DemoData.OtherShop))
            .WithCount(10_000).StartingAt(DateTimeOffset.UtcNow.AddDays(-8), TimeSpan.FromMinutes(1)).WithReferencePrefix(prefix)
            .SaveAsync(contexts);
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("other@demo.test");
        await admin.OpenAsync($"admin/payments?q={prefix}");
        await Expect(admin.Page.Locator(".payment-count")).ToHaveTextAsync("10,000 payments");

        var download = await admin.Page.RunAndWaitForDownloadAsync(() =>
            admin.Page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());
        var file = Path.Combine(TestPaths.NewTempDirectory("export"), download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var rows = CsvText.Parse(await File.ReadAllTextAsync(file));

        Assert.Matches("^payments-[0-9]{8}\\.csv$", download.SuggestedFilename);
        Assert.Equal(PaymentCsv.Header, rows[0]);
        Assert.Equal(10_000, rows.Count - 1);
        Assert.True(seeded.Select(p => p.Id.ToString()).ToHashSet().SetEquals(rows.Skip(1).Select(r => r[0])));
        Assert.All(rows.Skip(1), r =>
        {
            Assert.StartsWith(prefix, r[8], StringComparison.Ordinal);
            Assert.Matches("^[0-9]+\\.[0-9]{2}$", r[5]);
            Assert.Equal("CNY", r[6]);
        });
        Assert.Equal(seeded.Sum(p => p.AmountMinorUnits) / 100m, rows.Skip(1).Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)));
    }
}
