using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.SandboxBank;

namespace Portal.Tests.Integration.SandboxBank;

public sealed class FxOrderTests(FxBankFixture bank) : IClassFixture<FxBankFixture>
{
    private const string Merchant = FxBankFixture.MerchantAccount;

    [Fact]
    public async Task PostOrder_AtQuote_DebitsPayerQuotedTotalAndCreditsMerchantAmount()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var merchantBefore = (await bank.AccountAsync(Merchant)).BalanceMinorUnits;
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answer = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal("Settled", answer.Status);
        Assert.Equal(("13.99", "USD", quote.QuoteId), (answer.PayerAmount, answer.PayerCurrency, answer.QuoteId));
        Assert.Equal(100_00 - 13_99, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(merchantBefore + 100_00, (await bank.AccountAsync(Merchant)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_AtQuote_FourLegsBalancedPerCurrencyThroughFxPositions()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answer = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal(
            [(payer, -13_99L, "USD"), ("BANK-FX-USD", 13_99L, "USD"), ("BANK-FX-CNY", -100_00L, "CNY"), (Merchant, 100_00L, "CNY")],
            await bank.LegsAsync(answer.OrderId));
        Assert.All(await bank.LedgerSumsByCurrencyAsync(), sum => Assert.Equal(0, sum.Value));
    }

    [Fact]
    public async Task PostOrder_AtQuote_QuoteMarkedUsedByTheOrder()
    {
        var payer = await bank.OpenForeignPayerAsync("EUR", 100m);
        var quote = await bank.QuoteAsync(payer, "20.00");

        var answer = await bank.PayAsync(payer, "20.00", quote);

        await using var db = await bank.Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        Assert.Equal(answer.OrderId, (await db.Quotes.SingleAsync(q => q.QuoteId == quote.QuoteId)).UsedByOrderId);
    }

    [Fact]
    public async Task PostOrder_QuoteExpired_RefusedFx02AndNothingMoves()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var merchantBefore = (await bank.AccountAsync(Merchant)).BalanceMinorUnits;
        var quote = await bank.QuoteAsync(payer, "100.00");
        bank.Time.Advance(TimeSpan.FromMinutes(10));

        var answer = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal(("Rejected", "FX02"), (answer.Status, answer.ReasonCode));
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(merchantBefore, (await bank.AccountAsync(Merchant)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_QuoteJustBeforeExpiry_Settles()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "10.00");
        bank.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        var answer = await bank.PayAsync(payer, "10.00", quote);

        Assert.Equal("Settled", answer.Status);
    }

    [Fact]
    public async Task PostOrder_QuoteUsedTwice_SecondRefusedFx03AndDebitedOnce()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");
        await bank.PayAsync(payer, "100.00", quote);

        var second = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal(("Rejected", "FX03"), (second.Status, second.ReasonCode));
        Assert.Equal(100_00 - 13_99, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_OneQuoteTwoOrdersInParallel_OnlyOneSpendsIt()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => bank.PayAsync(payer, "100.00", quote)));

        Assert.Single(answers, a => a.Status == "Settled");
        Assert.All(answers.Where(a => a.Status != "Settled"), a => Assert.Equal("FX03", a.ReasonCode));
        Assert.Equal(100_00 - 13_99, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_TamperedPayerAmount_RefusedFx01()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answer = await bank.PayAsync(payer, "100.00", quote, payerAmount: "13.98");

        Assert.Equal(("Rejected", "FX01"), (answer.Status, answer.ReasonCode));
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_TamperedPayerCurrency_RefusedFx01()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answer = await bank.PayAsync(payer, "100.00", quote, payerCurrency: "EUR");

        Assert.Equal("FX01", answer.ReasonCode);
    }

    [Fact]
    public async Task PostOrder_TamperedAmount_RefusedFx01()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answer = await bank.PayAsync(payer, "200.00", quote);

        Assert.Equal("FX01", answer.ReasonCode);
    }

    [Fact]
    public async Task PostOrder_AnotherMerchantsQuote_RefusedFx01()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var other = await bank.OpenMerchantAsync("CNY");
        var quote = await bank.QuoteAsync(payer, "100.00", merchant: other);

        var answer = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal("FX01", answer.ReasonCode);
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_UnknownQuote_RefusedFx01()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00") with { QuoteId = "q_" + Guid.NewGuid().ToString("N") };

        var answer = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal("FX01", answer.ReasonCode);
    }

    [Fact]
    public async Task PostOrder_PayerAccountInAnotherCurrencyThanQuote_RefusedAm03()
    {
        // In the USD range but holding CNY: the quote goes by the range, the order by the account.
        var payer = "6201007" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await bank.Seeder.OpenAccountAsync(payer, "Odd payer", BankAccountKind.Payer,
            Portal.Domain.Common.Money.Of(100m, Portal.Domain.Common.Currency.CNY), FxBankFixture.Pin);
        var quote = await bank.QuoteAsync(payer, "10.00");

        var answer = await bank.PayAsync(payer, "10.00", quote);

        Assert.Equal("AM03", answer.ReasonCode);
    }

    [Fact]
    public async Task PostOrder_ForeignPayerWithoutQuote_RefusedAm03()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);

        var answer = await bank.PayAsync(payer, "10.00");

        Assert.Equal("AM03", answer.ReasonCode);
    }

    [Fact]
    public async Task PostOrder_WrongPinAtQuote_QuoteStaysForTheNextAttempt()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "10.00");
        var wrongId = Guid.CreateVersion7();
        var (response, wrong) = await bank.SubmitAsync(wrongId,
            FxBankFixture.OrderJson(wrongId, payer, "10.00", quote).Replace($"\"pin\":\"{FxBankFixture.Pin}\"", "\"pin\":\"654321\"", StringComparison.Ordinal));
        response.Dispose();

        var answer = await bank.PayAsync(payer, "10.00", quote);

        Assert.Equal("PIN1", wrong!.ReasonCode);
        Assert.Equal("Settled", answer.Status);
    }

    [Fact]
    public async Task PostOrder_RateChangedAfterQuote_DebitsWhatWasQuoted()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");
        bank.Configure("SandboxBank:Fx:MidRates:USD", "6.5");
        try
        {
            var requoted = await bank.QuoteAsync(payer, "100.00");

            await bank.PayAsync(payer, "100.00", quote);

            Assert.NotEqual(quote.PayerAmount, requoted.PayerAmount);
            Assert.Equal(100_00 - 13_99, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        }
        finally
        {
            bank.Configure("SandboxBank:Fx:MidRates:USD", "7.1856");
        }
    }

    [Fact]
    public async Task PostOrder_QuoteWithFee_DebitsAmountAndFee()
    {
        bank.Configure("SandboxBank:Fx:Fees:USD", "0.50");
        try
        {
            var payer = await bank.OpenForeignPayerAsync("USD", 100m);
            var quote = await bank.QuoteAsync(payer, "100.00");

            var answer = await bank.PayAsync(payer, "100.00", quote);

            Assert.Equal(("13.99", "0.50"), (quote.PayerAmount, quote.Fee));
            Assert.Equal("14.49", answer.PayerAmount);
            Assert.Equal(100_00 - 14_49, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        }
        finally
        {
            bank.Configure("SandboxBank:Fx:Fees:USD", "0");
        }
    }

    [Fact]
    public async Task PostOrder_TwentyParallelQuotedOrdersFromOneAccount_BalanceExact()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var merchantBefore = (await bank.AccountAsync(Merchant)).BalanceMinorUnits;
        var amounts = Enumerable.Range(1, 20).Select(i => (10m + i * 1.37m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var quotes = await Task.WhenAll(amounts.Select(a => bank.QuoteAsync(payer, a)));

        var answers = await Task.WhenAll(quotes.Select(q => bank.PayAsync(payer, q.Amount, q)));

        Assert.All(answers, a => Assert.Equal("Settled", a.Status));
        var debited = quotes.Sum(q => decimal.Parse(FxBankFixture.PayerTotal(q), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(100_00 - (long)(debited * 100), (await bank.AccountAsync(payer)).BalanceMinorUnits);
        var credited = amounts.Sum(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(merchantBefore + (long)(credited * 100), (await bank.AccountAsync(Merchant)).BalanceMinorUnits);
        Assert.Equal((await bank.AccountAsync(payer)).BalanceMinorUnits, await bank.LedgerBalanceAsync(payer));
        Assert.All(await bank.LedgerSumsByCurrencyAsync(), sum => Assert.Equal(0, sum.Value));
    }

    [Fact]
    public async Task PostOrder_QuotedTotalAboveBalance_RefusedAm04AndNothingMoves()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 13.98m);
        var quote = await bank.QuoteAsync(payer, "100.00");

        var answer = await bank.PayAsync(payer, "100.00", quote);

        Assert.Equal("AM04", answer.ReasonCode);
        Assert.Equal(13_98, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task PostOrder_FastAtQuoteExpiringBeforeSettlement_SettlesAtTheQuote()
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");
        var orderId = Guid.CreateVersion7();
        var (response, accepted) = await bank.SubmitAsync(orderId, FxBankFixture.OrderJson(orderId, payer, "100.00", quote, mode: "fast"));
        response.Dispose();
        bank.Time.Advance(TimeSpan.FromMinutes(11));

        var settled = await bank.Bank.SettleAsync(orderId);

        Assert.Equal("Accepted", accepted!.Status);
        Assert.Equal(BankOrderStatus.Settled, settled!.Status);
        Assert.Equal(100_00 - 13_99, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(4, (await bank.LegsAsync(orderId)).Count);
    }

    [Fact]
    public async Task PostOrder_SameCurrency_AnswerHasNoPayerSide()
    {
        var payer = await bank.OpenPayerAsync(10m);

        var answer = await bank.PayAsync(payer, "1.00");

        Assert.Equal("Settled", answer.Status);
        Assert.Equal((null, null, null), (answer.PayerAmount, answer.PayerCurrency, answer.QuoteId));
    }

    [Theory]
    [InlineData("1399.5", "JPY", "payerAmount")]
    [InlineData("13.999", "USD", "payerAmount")]
    [InlineData("0.00", "USD", "payerAmount")]
    [InlineData("13.99", "XXX", "payerCurrency")]
    [InlineData("13.99", "CNY", "payerCurrency")]
    public async Task PostOrder_MalformedPayerSide_ValidationProblem(string payerAmount, string payerCurrency, string field)
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var quote = await bank.QuoteAsync(payer, "100.00");
        var orderId = Guid.CreateVersion7();

        var (response, _) = await bank.SubmitAsync(orderId,
            FxBankFixture.OrderJson(orderId, payer, "100.00", quote, payerAmount, payerCurrency));

        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
        Assert.Null(await bank.Bank.FindOrderAsync(orderId));
    }

    [Theory]
    [InlineData("""
        ,"quoteId":"q_0123456789abcdef0123456789abcdef"
        """, "payerCurrency")]
    [InlineData("""
        ,"payerAmount":"13.99","payerCurrency":"USD"
        """, "quoteId")]
    public async Task PostOrder_QuoteAndPayerSideNotTogether_ValidationProblem(string fields, string field)
    {
        var payer = await bank.OpenForeignPayerAsync("USD", 100m);
        var orderId = Guid.CreateVersion7();
        var body = FxBankFixture.OrderJson(orderId, payer, "100.00").TrimEnd('}') + fields.Trim() + "}";

        var (response, _) = await bank.SubmitAsync(orderId, body);

        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        }
    }
}
