using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Portal.Admin.Payments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>GET /admin/payments/export.csv on the real app over HTTP, signed in through the real sign-in form.</summary>
public abstract class PaymentExportEndpointTests<TProvider>(PaymentExportFixture<TProvider> fixture)
    : IClassFixture<PaymentExportFixture<TProvider>> where TProvider : IProviderUnderTest
{
    private const string Export = "admin/payments/export.csv";

    [Fact]
    public async Task Export_NotSignedIn_Is401WithNoRows()
    {
        using var client = StaffHttpClient.Anonymous(fixture.App.BaseAddress);

        using var response = await client.GetAsync(Export);

        // .NET 10's cookie authentication answers endpoints that are not pages with 401 rather than the sign-in redirect.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_NoFilter_StreamsOwnPaymentsWithHeader()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "viewer@demo.test");

        using var response = await client.GetAsync(Export);
        var rows = CsvText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(PaymentCsv.Header, rows[0]);
        Assert.All(fixture.Demo.Where(p => p.Status != Portal.Domain.Payments.PaymentStatus.Abandoned),
            p => Assert.Contains(rows, r => r[0] == p.Id.ToString()));
    }

    [Fact]
    public async Task Export_CrossBorderPayment_HasThePayersCurrencyAmountRateAndQuote()
    {
        var services = fixture.App.Services;
        var flow = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Portal.Domain.Payments.PaymentFlow>(services);
        var payer = await Builders.BankBook.OpenForeignPayerAsync(services, "HKD", 500.00m);
        var checkout = await Builders.DemoCheckouts.CreateAsync(services, 33.00m);
        var started = await flow.ChooseMethodAsync(checkout.Token, Portal.Domain.Payments.PaymentMethod.RealTime);
        var quote = (await flow.QuoteAsync(started.PaymentId, Portal.Domain.Common.AccountNumber.Parse(payer))).Quote!;
        await flow.PayRealTimeAsync(started.PaymentId, Portal.Domain.Payments.PayerDetails.Parse(payer, "123456", quote.QuoteId), "key-1");
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "viewer@demo.test");

        var rows = CsvText.Parse(await client.GetStringAsync(Export));
        var header = rows[0].ToList();
        var row = rows.Single(r => r[0] == started.PaymentId.ToString());

        Assert.Equal(("HKD", quote.PayerTotal.ToAmountString(), "0.00", quote.QuoteId),
            (row[header.IndexOf("payer_currency")], row[header.IndexOf("payer_amount")], row[header.IndexOf("payer_fee")],
                row[header.IndexOf("quote_id")]));
        Assert.Equal(quote.Rate, decimal.Parse(row[header.IndexOf("fx_rate")], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Export_OtherMerchantsOwner_NeverSeesDemoShopsPayments()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "other@demo.test");

        var rows = CsvText.Parse(await client.GetStringAsync(Export + "?q=EXP-"));

        Assert.Equal(fixture.Other.Count, rows.Count - 1);
        Assert.DoesNotContain(rows, r => fixture.Demo.Any(p => p.Id.ToString() == r[0]));
    }

    [Fact]
    public async Task Export_StatusAndAmountFilter_WritesOnlyMatchingRowsWithExactAmounts()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "viewer@demo.test");

        // Amounts are 10.25 + index: 12.25 to 21.25 are indices 2 to 11, of which 2–7, 10 and 11 succeeded.
        var rows = CsvText.Parse(await client.GetStringAsync(Export + "?status=Succeeded&min=12.25&max=21.25&q=EXP-"));

        var data = rows.Skip(1).ToArray();
        Assert.Equal(new[] { "12.25", "13.25", "14.25", "15.25", "16.25", "17.25", "20.25", "21.25" },
            data.Select(r => r[5]).Order(StringComparer.Ordinal).ToArray());
        Assert.All(data, r => Assert.Equal(("Succeeded", "CNY", "6222 •••• 1234"), (r[4], r[6], r[7])));
    }

    [Fact]
    public async Task Export_NoMatchingPayments_IsTheHeaderOnly()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "viewer@demo.test");

        using var response = await client.GetAsync(Export + "?q=NOTHING-MATCHES");
        var rows = CsvText.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaymentCsv.Header, Assert.Single(rows));
    }

    [Fact]
    public async Task Export_MalformedFilters_Is400ProblemNamingEachOne()
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "viewer@demo.test");

        using var response = await client.GetAsync(Export + "?min=12.345&status=Paid&from=2026-02-30");
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new[] { "from", "min", "status" }, problem!.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}

public sealed class PaymentExportEndpointOnSqliteTests(PaymentExportFixture<OnSqlite> fixture)
    : PaymentExportEndpointTests<OnSqlite>(fixture);

public sealed class PaymentExportEndpointOnPostgresTests(PaymentExportFixture<OnPostgres> fixture)
    : PaymentExportEndpointTests<OnPostgres>(fixture);
