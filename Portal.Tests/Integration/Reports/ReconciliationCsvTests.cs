using System.Net;

namespace Portal.Tests.Integration.Reports;

/// <summary>The reconciliation CSV over HTTP when Portal's books and the bank's agree, and with bad input.</summary>
public sealed class ReconciliationCsvTests(ReportsFixture fixture) : IClassFixture<ReportsFixture>
{
    internal const string Header = "Difference,Reference,Type,PortalStatus,PortalAmount,BankAmount,PortalAt,BankPostedAt,Explanation";

    [Fact]
    public async Task Get_BooksAgree_HeaderOnly()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        using var response = await client.GetAsync($"admin/reports/reconciliation.csv?{SettlementCsvTests.AroundToday()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Header], Csv.Lines(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Get_OtherMerchantsBooksAgree_HeaderOnly()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "other@demo.test");

        using var response = await client.GetAsync($"admin/reports/reconciliation.csv?{SettlementCsvTests.AroundToday()}");

        Assert.Equal([Header], Csv.Lines(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("from=2026-02-30&to=2026-03-01", "from")]
    [InlineData("from=2026-11-25&to=2026-11-24", "to")]
    [InlineData("from=2024-01-01&to=2025-12-31", "to")]
    public async Task Get_BadDays_ValidationProblemWithoutAskingTheBank(string query, string field)
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        using var response = await client.GetAsync($"admin/reports/reconciliation.csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\":", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
