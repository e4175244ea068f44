using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Common;
using Portal.Domain.Rails;
using Portal.SandboxBank;
using Portal.Tests.Integration.Sandbox;

namespace Portal.Tests.Integration.SandboxBank;

/// <summary>
/// The sandbox bank as FX provider, on 127.0.0.1 over its own SQLite file, driven by hand-signed requests as Portal's
/// rail client would send them. Fast orders settle only when a test calls <see cref="Bank.SettleAsync"/>: the
/// settlement delay is an hour, further than any test moves the clock.
/// </summary>
public sealed class FxBankFixture : SandboxBankFixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private int _next;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [new("SandboxBank:FastSettlementDelay", "01:00:00")];

    public Bank Bank => Services.GetRequiredService<Bank>();

    /// <summary>A payer in <paramref name="currency"/>'s account range, holding <paramref name="balance"/>.</summary>
    public async Task<string> OpenForeignPayerAsync(string currency, decimal balance)
    {
        var prefix = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FxOptions>>().Value.AccountRanges
            .Single(r => r.Value == currency).Key;
        var number = prefix + "9" + Interlocked.Increment(ref _next).ToString("D9", CultureInfo.InvariantCulture);
        await Seeder.OpenAccountAsync(number, "FX payer", BankAccountKind.Payer, Money.Of(balance, Currency.FromCode(currency)), Pin);
        return number;
    }

    public async Task<string> OpenMerchantAsync(string currency)
    {
        var number = "8821" + Interlocked.Increment(ref _next).ToString("D12", CultureInfo.InvariantCulture);
        await Seeder.OpenAccountAsync(number, "FX shop", BankAccountKind.Merchant, Money.Zero(Currency.FromCode(currency)));
        return number;
    }

    public Task<HttpResponseMessage> RequestQuoteAsync(string payer, string amount, string currency = "CNY",
        string merchant = MerchantAccount) =>
        SendSignedAsync(HttpMethod.Post, "sandbox/bank/v1/quotes",
            $$"""{"payerAccount":"{{payer}}","merchantAccount":"{{merchant}}","amount":"{{amount}}","currency":"{{currency}}"}""",
            Guid.NewGuid().ToString("N"));

    public async Task<FxQuoteAnswer> QuoteAsync(string payer, string amount, string currency = "CNY",
        string merchant = MerchantAccount)
    {
        using var response = await RequestQuoteAsync(payer, amount, currency, merchant);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<FxQuoteAnswer>(Json))!;
    }

    /// <summary>A payment order's body; with a quote, its id and the payer's total (quote amount and fee) unless given.</summary>
    public static string OrderJson(Guid orderId, string payer, string amount, FxQuoteAnswer? quote = null,
        string? payerAmount = null, string? payerCurrency = null, string merchant = MerchantAccount, string mode = "realtime",
        string currency = "CNY")
    {
        var fx = quote is null
            ? ""
            : $$""","quoteId":"{{quote.QuoteId}}","payerAmount":"{{payerAmount ?? PayerTotal(quote)}}","payerCurrency":"{{payerCurrency ?? quote.PayerCurrency}}" """.TrimEnd();
        var callback = mode == "fast" ? ""","callbackUrl":"http://127.0.0.1:9/callback" """.TrimEnd() : "";
        return $$"""{"orderId":"{{orderId}}","kind":"Payment","payerAccount":"{{payer}}","merchantAccount":"{{merchant}}","pin":"{{Pin}}","amount":"{{amount}}","currency":"{{currency}}","reference":"fx test","mode":"{{mode}}"{{callback}}{{fx}}}""";
    }

    public static string RefundJson(Guid refundId, Guid originalId, string amount, string merchant = MerchantAccount,
        string currency = "CNY") =>
        $$"""{"orderId":"{{refundId}}","kind":"Refund","originalOrderId":"{{originalId}}","merchantAccount":"{{merchant}}","amount":"{{amount}}","currency":"{{currency}}","reference":"fx refund"}""";

    /// <summary>What leaves the payer's account for a quote: its amount and fee, in the wire format.</summary>
    public static string PayerTotal(FxQuoteAnswer quote)
    {
        var currency = Currency.FromCode(quote.PayerCurrency);
        return (Money.Of(decimal.Parse(quote.PayerAmount, CultureInfo.InvariantCulture), currency) +
                Money.Of(decimal.Parse(quote.Fee, CultureInfo.InvariantCulture), currency)).ToAmountString();
    }

    public async Task<(HttpResponseMessage Response, BankOrderAnswer? Answer)> SubmitAsync(Guid orderId, string body)
    {
        var response = await SendSignedAsync(HttpMethod.Post, "sandbox/bank/v1/orders", body, orderId.ToString());
        var answer = response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadFromJsonAsync<BankOrderAnswer>(Json)
            : null;
        return (response, answer);
    }

    public async Task<BankOrderAnswer> PayAsync(string payer, string amount, FxQuoteAnswer? quote = null,
        string? payerAmount = null, string? payerCurrency = null, string merchant = MerchantAccount)
    {
        var orderId = Guid.CreateVersion7();
        var (response, answer) = await SubmitAsync(orderId, OrderJson(orderId, payer, amount, quote, payerAmount, payerCurrency, merchant));
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return answer!;
    }

    public async Task<BankOrderAnswer> RefundAsync(Guid originalId, string amount, string merchant = MerchantAccount)
    {
        var refundId = Guid.CreateVersion7();
        var (response, answer) = await SubmitAsync(refundId, RefundJson(refundId, originalId, amount, merchant));
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return answer!;
    }

    /// <summary>The sum of all ledger entries per currency: zero in each when the books balance.</summary>
    public async Task<Dictionary<string, long>> LedgerSumsByCurrencyAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.GroupBy(e => e.CurrencyCode)
            .Select(g => new { g.Key, Sum = g.Sum(e => e.AmountMinorUnits) })
            .ToDictionaryAsync(g => g.Key, g => g.Sum);
    }

    /// <summary>The legs of the ledger transaction an order booked, as (account, minor units, currency).</summary>
    public async Task<List<(string Account, long Amount, string Currency)>> LegsAsync(Guid orderId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<SandboxBankDbContext>>().CreateDbContextAsync();
        var reference = orderId.ToString();
        var entries = await (
            from entry in db.LedgerEntries
            join transaction in db.LedgerTransactions on entry.TransactionId equals transaction.Id
            where transaction.Reference == reference
            orderby entry.Id
            select new { entry.AccountNumber, entry.AmountMinorUnits, entry.CurrencyCode }).ToListAsync();
        return entries.Select(e => (e.AccountNumber, e.AmountMinorUnits, e.CurrencyCode)).ToList();
    }

    /// <summary>Changes a bank setting as an operator would, live (the bank reads its FX options per quote).</summary>
    public void Configure(string key, string value)
    {
        var configuration = (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();
        configuration[key] = value;
        configuration.Reload();
    }

    public SignatureCheck VerifyAnswer(HttpResponseMessage response, byte[] body, string method = "POST") =>
        Signer.Verify(MessageScope.Answer((int)response.StatusCode, method, response.RequestMessage!.RequestUri!.PathAndQuery),
            response.Headers.GetValues(MessageSigner.TimestampHeader).Single(),
            response.Headers.GetValues(MessageSigner.NonceHeader).Single(),
            response.Headers.GetValues(MessageSigner.SignatureHeader).Single(),
            body, Time.GetUtcNow(), TimeSpan.FromSeconds(30));
}
