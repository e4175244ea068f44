using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Reports;

/// <summary>The reconciliation CSV over HTTP when Portal's books and the bank's agree, and with bad input.</summary>
public abstract class ReconciliationCsvTests<TProvider>(ReportsFixture<TProvider> fixture) : IClassFixture<ReportsFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    [Fact]
    public async Task Get_BooksAgree_HeaderOnly()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        using var response = await client.GetAsync($"admin/reports/reconciliation.csv?{Csv.AroundToday()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Csv.ReconciliationHeader], Csv.Lines(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Get_OtherMerchantsBooksAgree_HeaderOnly()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "other@demo.test");

        using var response = await client.GetAsync($"admin/reports/reconciliation.csv?{Csv.AroundToday()}");

        Assert.Equal([Csv.ReconciliationHeader], Csv.Lines(await response.Content.ReadAsStringAsync()));
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

public sealed class ReconciliationCsvOnSqliteTests(ReportsFixture<OnSqlite> fixture) : ReconciliationCsvTests<OnSqlite>(fixture);

public sealed class ReconciliationCsvOnPostgresTests(ReportsFixture<OnPostgres> fixture) : ReconciliationCsvTests<OnPostgres>(fixture);
