using System.Globalization;
using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Reports;

/// <summary>The settlement CSV over HTTP, signed in as staff, against the real app and bank.</summary>
public abstract class SettlementCsvTests<TProvider>(ReportsFixture<TProvider> fixture) : IClassFixture<ReportsFixture<TProvider>>
    where TProvider : IProviderUnderTest
{
    private const string Header = "Day,Currency,PaymentCount,Gross,RefundCount,Refunds,Fees,Net,FxPaymentCount,FxVolume";

    [Fact]
    public async Task Get_DaysAroundToday_SumsTheMerchantsSettledPaymentsAndRefunds()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        var rows = await RowsAsync(client, Csv.AroundToday());

        Assert.Equal((2, 120.50m, 1, 30.00m, 0.00m, 90.50m), Sum(rows));
        Assert.All(rows, r => Assert.Equal("CNY", r[1]));
    }

    [Fact]
    public async Task Get_AmountsAreExactDecimals()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "owner@demo.test");

        var rows = await RowsAsync(client, Csv.AroundToday());

        // Two decimals for CNY, always: 90.50, never 90.5.
        Assert.All(rows, r => Assert.Matches(@"^-?\d+\.\d{2}$", r[7]));
    }

    [Fact]
    public async Task Get_AnotherMerchantsOwner_SeesOnlyTheirOwn()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "other@demo.test");

        var rows = await RowsAsync(client, Csv.AroundToday());

        Assert.Equal((1, 7.77m, 0, 0.00m, 0.00m, 7.77m), Sum(rows));
    }

    [Fact]
    public async Task Get_DaysWithNothing_HeaderOnly()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        using var response = await client.GetAsync("admin/reports/settlement.csv?from=2020-01-01&to=2020-01-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([Header], Csv.Lines(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Get_IsADownloadNamedForItsDays()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        using var response = await client.GetAsync("admin/reports/settlement.csv?from=2026-11-01&to=2026-11-25");

        Assert.Equal("settlement-2026-11-01-to-2026-11-25.csv", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-11-25", "from")]
    [InlineData("from=yesterday&to=2026-11-25", "from")]
    [InlineData("from=2026-11-25&to=2026-11-01", "to")]
    [InlineData("from=2025-01-01&to=2026-11-25", "to")]
    [InlineData("to=2026-11-25", "from")]
    [InlineData("", "from")]
    public async Task Get_BadDays_ValidationProblemAndNoCsv(string query, string field)
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, "viewer@demo.test");

        using var response = await client.GetAsync($"admin/reports/settlement.csv?{query}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\":", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotSignedIn_SentToSignInWithoutData()
    {
        using var client = StaffHttpClient.Anonymous(fixture.App);

        using var response = await client.GetAsync("admin/reports/settlement.csv?from=2026-11-01&to=2026-11-25");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string[]>> RowsAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"admin/reports/settlement.csv?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = Csv.Lines(await response.Content.ReadAsStringAsync());
        Assert.Equal(Header, lines[0]);
        return lines.Skip(1).Select(Csv.Fields).ToList();
    }

    private static (int Payments, decimal Gross, int Refunds, decimal Refunded, decimal Fees, decimal Net) Sum(List<string[]> rows) =>
        (rows.Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)), rows.Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)),
            rows.Sum(r => int.Parse(r[4], CultureInfo.InvariantCulture)), rows.Sum(r => decimal.Parse(r[5], CultureInfo.InvariantCulture)),
            rows.Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)), rows.Sum(r => decimal.Parse(r[7], CultureInfo.InvariantCulture)));
}

public sealed class SettlementCsvOnSqliteTests(ReportsFixture<OnSqlite> fixture) : SettlementCsvTests<OnSqlite>(fixture);

public sealed class SettlementCsvOnPostgresTests(ReportsFixture<OnPostgres> fixture) : SettlementCsvTests<OnPostgres>(fixture);
