using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Rails;
using Portal.SandboxBank;

namespace Portal.Tests.Integration.SandboxBank;

public sealed class FxQuoteTests(FxBankFixture bank) : IClassFixture<FxBankFixture>
{
    private const string UsdPayer = "6201000000000001";

    [Fact]
    public async Task PostQuote_UsdRangePayer_QuotesByTheDomainRuleAndSigns()
    {
        using var response = await bank.RequestQuoteAsync(UsdPayer, "100.00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(SignatureCheck.Valid, bank.VerifyAnswer(response, body));
        var quote = JsonSerializer.Deserialize<FxQuoteAnswer>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Matches("^q_[0-9a-f]{32}$", quote.QuoteId);
        Assert.Equal(("8800000000000001", "100.00", "CNY", "USD"), (quote.MerchantAccount, quote.Amount, quote.Currency, quote.PayerCurrency));
        Assert.Equal("0.139863", quote.Rate);
        Assert.Equal("13.99", quote.PayerAmount);
        Assert.Equal("0.00", quote.Fee);
        Assert.Equal(TimeSpan.FromMinutes(10), quote.ExpiresAt - quote.QuotedAt);
        Assert.Equal(bank.Time.GetUtcNow(), quote.QuotedAt);
    }

    [Fact]
    public async Task PostQuote_UsdRangePayer_RateIsCustomerRateOfTheCrossRate()
    {
        var quote = await bank.QuoteAsync(UsdPayer, "12345.67");

        var rate = FxConversion.CustomerRate(1m / 7.1856m, 50);
        Assert.Equal(rate, decimal.Parse(quote.Rate, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(FxConversion.Convert(Money.Of(12345.67m, Currency.CNY), Currency.FromCode("USD"), rate).ToAmountString(),
            quote.PayerAmount);
    }

    [Fact]
    public async Task PostQuote_JpyRangePayer_AmountHasNoDecimals()
    {
        var quote = await bank.QuoteAsync("6205000000000001", "100.00");

        Assert.Equal("JPY", quote.PayerCurrency);
        Assert.Equal("0", quote.Fee);
        Assert.DoesNotContain(".", quote.PayerAmount, StringComparison.Ordinal);
        Assert.Equal(FxConversion.Convert(Money.Of(100m, Currency.CNY), Currency.FromCode("JPY"),
            FxConversion.CustomerRate(1m / 0.047963m, 50)).ToAmountString(), quote.PayerAmount);
    }

    [Fact]
    public async Task PostQuote_UsdPayerToEurMerchant_CrossRateOfTwoMidRates()
    {
        var quote = await bank.QuoteAsync(UsdPayer, "10.00", currency: "EUR");

        Assert.Equal(FxConversion.CustomerRate(7.7820m / 7.1856m, 50),
            decimal.Parse(quote.Rate, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task PostQuote_Stored_ForTheOrderThatSpendsIt()
    {
        var quote = await bank.QuoteAsync(UsdPayer, "50.00");

        await using var db = await bank.Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        var stored = await db.Quotes.SingleAsync(q => q.QuoteId == quote.QuoteId);
        Assert.Equal((5000L, "CNY", "USD", 699L, 0L), (stored.AmountMinorUnits, stored.CurrencyCode, stored.PayerCurrencyCode,
            stored.PayerAmountMinorUnits, stored.FeeMinorUnits));
        Assert.Null(stored.UsedByOrderId);
    }

    [Fact]
    public async Task PostQuote_UnusedQuotesADayPastExpiry_ArePurgedSpentOnesKept()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100.00m);
        var unused = await bank.QuoteAsync(UsdPayer, "20.00");
        var spent = await bank.QuoteAsync(payer, "20.00");
        await bank.PayAsync(payer, "20.00", spent);

        bank.Time.Advance(TimeSpan.FromMinutes(10) + FxDesk.UnusedQuoteRetention + TimeSpan.FromHours(1));
        var fresh = await bank.QuoteAsync(UsdPayer, "1.00");

        await using var db = await bank.Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        var kept = await db.Quotes.Where(q => q.QuoteId == unused.QuoteId || q.QuoteId == spent.QuoteId || q.QuoteId == fresh.QuoteId)
            .Select(q => q.QuoteId).ToListAsync();
        Assert.Equal(new[] { spent.QuoteId, fresh.QuoteId }.Order(), kept.Order());
    }

    [Fact]
    public async Task PostQuote_UnknownAccountInUsdRange_StillQuoted()
    {
        // The range decides, never the account: the answer must not tell a typed number apart from a real one.
        var quote = await bank.QuoteAsync("6201009999999999", "100.00");

        Assert.Equal("USD", quote.PayerCurrency);
    }

    [Theory]
    [InlineData("6200000000000001")]
    [InlineData("6211000000000001")]
    [InlineData("4000000000000002")]
    public async Task PostQuote_SameCurrencyOrNoRange_SignedNoContent(string payer)
    {
        using var response = await bank.RequestQuoteAsync(payer, "100.00");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(body);
        // No body at all: no type for one, and no write the server refuses on a 204 (it logged an error for each).
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Equal(SignatureCheck.Valid, bank.VerifyAnswer(response, body));
    }

    [Fact]
    public async Task PostQuote_UsdPayerPaysUsd_NoContent()
    {
        using var response = await bank.RequestQuoteAsync(UsdPayer, "100.00", currency: "USD");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task PostQuote_NoRateForPair_SignedPairNotSupported()
    {
        using var response = await bank.RequestQuoteAsync(UsdPayer, "1000", currency: "KRW");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(SignatureCheck.Valid, bank.VerifyAnswer(response, body));
        Assert.Equal("pair_not_supported", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task PostQuote_AmountConvertsToNothing_AmountNotConvertible()
    {
        // 0.01 CNY is 0.0014 USD: less than a cent.
        using var response = await bank.RequestQuoteAsync(UsdPayer, "0.01");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("amount_not_convertible", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("62010", "8800000000000001", "1.00", "CNY", "payerAccount")]
    [InlineData("6201000000000001", "88x", "1.00", "CNY", "merchantAccount")]
    [InlineData("6201000000000001", "8800000000000001", "1.00", "XXX", "currency")]
    [InlineData("6201000000000001", "8800000000000001", "1.001", "CNY", "amount")]
    [InlineData("6201000000000001", "8800000000000001", "0.00", "CNY", "amount")]
    [InlineData("6201000000000001", "8800000000000001", "-5.00", "CNY", "amount")]
    public async Task PostQuote_Malformed_ValidationProblem(string payer, string merchant, string amount, string currency,
        string field)
    {
        using var response = await bank.RequestQuoteAsync(payer, amount, currency, merchant);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task PostQuote_Unsigned_Unauthorized()
    {
        using var response = await bank.Http.PostAsync("sandbox/bank/v1/quotes", new StringContent(
            """{"payerAccount":"6201000000000001","merchantAccount":"8800000000000001","amount":"1.00","currency":"CNY"}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostQuote_Replayed_Unauthorized()
    {
        var body = """{"payerAccount":"6201000000000001","merchantAccount":"8800000000000001","amount":"1.00","currency":"CNY"}""";
        var nonce = Guid.NewGuid().ToString("N");
        var signedAt = bank.Time.GetUtcNow();
        using var first = await bank.SendSignedAsync(HttpMethod.Post, "sandbox/bank/v1/quotes", body, nonce, signedAt);

        using var second = await bank.SendSignedAsync(HttpMethod.Post, "sandbox/bank/v1/quotes", body, nonce, signedAt);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
    }

    [Fact]
    public async Task GetRates_Signed_PublishesMidRatesSpreadAndLifetime()
    {
        using var response = await bank.SendSignedAsync(HttpMethod.Get, "sandbox/bank/v1/rates", "", Guid.NewGuid().ToString("N"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(SignatureCheck.Valid, bank.VerifyAnswer(response, body, "GET"));
        var rates = JsonDocument.Parse(body).RootElement;
        Assert.Equal("CNY", rates.GetProperty("base").GetString());
        Assert.Contains(rates.GetProperty("rates").EnumerateArray(),
            r => r.GetProperty("currency").GetString() == "USD" && r.GetProperty("mid").GetString() == "7.1856");
        Assert.Equal(50, rates.GetProperty("spreadBasisPoints").GetInt32());
        Assert.Equal("00:10:00", rates.GetProperty("quoteLifetime").GetString());
    }

    [Fact]
    public async Task SeedTestPayers_ForeignDemoPayers_OpenInTheirCurrencies()
    {
        var jpy = await bank.AccountAsync("6205000000000001");
        var usd = await bank.AccountAsync(UsdPayer);

        Assert.Equal(("JPY", 300_000L), (jpy.CurrencyCode, jpy.BalanceMinorUnits));
        Assert.Equal("USD", usd.CurrencyCode);
        Assert.Equal(0, (await bank.LedgerSumsByCurrencyAsync()).Values.Count(v => v != 0));
    }
}
