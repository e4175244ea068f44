using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Csv = Portal.Tests.Integration.Reports.Csv;
using StaffHttpClient = Portal.Tests.Integration.Reports.StaffHttpClient;

namespace Portal.Tests.Integration.CrossBorder;

/// <summary>
/// A payer whose account is in another currency pays a CNY checkout through Portal's real rail client, over signed
/// HTTP, to the sandbox bank on a real port: quote, confirmation, settlement and refunds, exact in both currencies.
/// </summary>
public abstract class CrossBorderPaymentTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string MerchantAccount = "8800000000000001";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private PortalApp _app = null!;

    private IServiceProvider Services => _app.Services;

    private PaymentFlow Flow => Services.GetRequiredService<PaymentFlow>();

    public Task InitializeAsync()
    {
        _app = new PortalApp(time: _time, provider: provider);
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pay_UsdPayerConfirmsQuote_DebitsExactlyTheQuoteAndCreditsExactlyTheAmount()
    {
        var payer = await BankBook.OpenForeignPayerAsync(Services, "USD", 500.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 100.00m);
        var merchantBefore = await BankBook.BalanceAsync(Services, MerchantAccount);

        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var quoted = await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer));
        var quote = Assert.IsType<Portal.Domain.CrossBorder.FxQuote>(quoted.Quote);
        var paid = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote.QuoteId), "key-1");

        Assert.Equal(PaymentStatus.Succeeded, paid.Status);
        Assert.Equal((Money.Of(100m, "CNY"), "USD"), (quote.MerchantAmount, quote.PayerCurrency.Code));
        Assert.Equal(500_00 - quote.PayerTotal.MinorUnits, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(merchantBefore + 100_00, await BankBook.BalanceAsync(Services, MerchantAccount));
        Assert.All(await BankBook.LedgerSumsByCurrencyAsync(Services), sum => Assert.Equal(0, sum.Value));
        Assert.Equal(quote, paid.Quote);
    }

    [Fact]
    public async Task Pay_QuoteNotConfirmed_IsRefusedAndNothingMoves()
    {
        var payer = await BankBook.OpenForeignPayerAsync(Services, "EUR", 500.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer));

        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1"));

        Assert.True(refused.Errors.ContainsKey("Quote"));
        Assert.Equal(500_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(PaymentStatus.Started, (await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id)).Single().Status);
    }

    [Fact]
    public async Task Pay_QuoteExpired_IsRefusedThenAFreshQuoteIsConfirmedAndPaid()
    {
        var payer = await BankBook.OpenForeignPayerAsync(Services, "GBP", 500.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 50.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var first = (await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;

        _time.Advance(TimeSpan.FromMinutes(10));
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", first.QuoteId), "key-1"));
        var second = (await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;
        var paid = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", second.QuoteId), "key-1");

        Assert.Equal(Payment.QuoteExpiredMessage, refused.Errors["Quote"][0]);
        Assert.NotEqual(first.QuoteId, second.QuoteId);
        Assert.Equal(PaymentStatus.Succeeded, paid.Status);
        Assert.Equal(500_00 - second.PayerTotal.MinorUnits, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task Pay_AccountInTheCheckoutsCurrency_NeedsNoQuote()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        var quoted = await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer));

        Assert.Null(quoted.Quote);
    }

    [Fact]
    public async Task Quote_CurrencyTheMerchantDoesNotTake_IsRefusedAndKeepsNothing()
    {
        await DemoPayments.ConfigureMerchantAsync(Services, merchant => merchant.ConfigureForeignPayers([Currency.FromCode("USD")]));
        var payer = await BankBook.OpenForeignPayerAsync(Services, "JPY", 50_000m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        await Assert.ThrowsAsync<DomainValidationException>(() => Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer)));

        Assert.Null((await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id)).Single().QuoteId);
    }

    [Fact]
    public async Task Pay_TwentyParallelCrossCurrencyPaymentsFromOneAccount_LeaveItsBalanceExact()
    {
        var payer = await BankBook.OpenForeignPayerAsync(Services, "USD", 10_000.00m);
        var paid = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m + i);
            var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
            var quote = (await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;
            var result = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote.QuoteId), $"key-{i}");
            return (result.Status, quote.PayerTotal.MinorUnits);
        }));

        Assert.All(paid, p => Assert.Equal(PaymentStatus.Succeeded, p.Status));
        Assert.Equal(10_000_00 - paid.Sum(p => p.MinorUnits), await BankBook.BalanceAsync(Services, payer));
        Assert.All(await BankBook.LedgerSumsByCurrencyAsync(Services), sum => Assert.Equal(0, sum.Value));
    }

    [Fact]
    public async Task Refund_PartsThenTheRest_ReturnExactlyWhatThePayerPaid()
    {
        var payer = await BankBook.OpenForeignPayerAsync(Services, "JPY", 100_000m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 100.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var quote = (await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;
        await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote.QuoteId), "key-1");
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var refunds = Services.GetRequiredService<RefundFlow>();

        var returned = new List<long>();
        foreach (var (amount, key) in new[] { ("33.33", "r1"), ("33.33", "r2"), ("33.34", "r3") })
        {
            var refund = await refunds.RequestAsync(manager, started.PaymentId, new RefundRequest(amount, RefundReason.Returned, null, key));
            Assert.Equal(RefundStatus.Succeeded, refund.Status);
            returned.Add((await DemoPayments.RefundsOfAsync(Services, started.PaymentId)).Single(r => r.Id == refund.RefundId).PayerAmountMinorUnits!.Value);
        }

        Assert.Equal(quote.PayerTotal.MinorUnits, returned.Sum());
        Assert.Equal(100_000, await BankBook.BalanceAsync(Services, payer));
        Assert.All(await BankBook.LedgerSumsByCurrencyAsync(Services), sum => Assert.Equal(0, sum.Value));
    }

    [Fact]
    public async Task ApproveFast_HkdWallet_PaysTheQuotedHkdAndTheShopGetsCny()
    {
        var payer = await BankBook.OpenForeignPayerAsync(Services, "HKD", 1_000.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 88.00m);
        var merchantBefore = await BankBook.BalanceAsync(Services, MerchantAccount);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        var quote = (await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote!;

        var accepted = await Flow.ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote.QuoteId), "key-1");
        Assert.Equal(PaymentStatus.Processing, accepted.Status);
        // The bank settles fast orders after its delay on its own clock: move it until the callback lands.
        Payment? settled = null;
        await Eventually.HoldsAsync(async () =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            settled = (await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id)).Single();
            return settled.Status == PaymentStatus.Succeeded;
        });

        Assert.Equal("HKD", settled!.PayerCurrencyCode);
        Assert.Equal(1_000_00 - quote.PayerTotal.MinorUnits, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(merchantBefore + 88_00, await BankBook.BalanceAsync(Services, MerchantAccount));
    }

    [Fact]
    public async Task Reconcile_DayOfMixedPaymentsAndRefunds_ListsNoDifference()
    {
        var usd = await BankBook.OpenForeignPayerAsync(Services, "USD", 5_000.00m);
        var jpy = await BankBook.OpenForeignPayerAsync(Services, "JPY", 500_000m);
        var hkd = await BankBook.OpenForeignPayerAsync(Services, "HKD", 5_000.00m);
        var cny = await BankBook.OpenPayerAsync(Services, 5_000.00m);
        var payments = new List<Guid>();
        foreach (var (payer, amount) in new[] { (usd, 100.00m), (jpy, 77.77m), (cny, 12.34m), (usd, 0.50m), (jpy, 250.00m) })
        {
            payments.Add(await PayRealTimeAsync(payer, amount));
        }
        var refused = await Flow.ChooseMethodAsync((await DemoCheckouts.CreateAsync(Services, 20.00m)).Token, PaymentMethod.RealTime);
        var refusedQuote = (await Flow.QuoteAsync(refused.PaymentId, AccountNumber.Parse(usd))).Quote!;
        Assert.Equal(PaymentStatus.Failed,
            (await Flow.PayRealTimeAsync(refused.PaymentId, PayerDetails.Parse(usd, "999999", refusedQuote.QuoteId), "wrong-pin")).Status);
        var fastCheckout = await DemoCheckouts.CreateAsync(Services, 66.00m);
        var fast = await Flow.ChooseMethodAsync(fastCheckout.Token, PaymentMethod.Fast);
        var fastQuote = (await Flow.QuoteAsync(fast.PaymentId, AccountNumber.Parse(hkd))).Quote!;
        await Flow.ApproveFastAsync(fast.PaymentId, PayerDetails.Parse(hkd, "123456", fastQuote.QuoteId), "fast-1");
        await Eventually.HoldsAsync(async () =>
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            return (await DemoCheckouts.PaymentsOfAsync(Services, fastCheckout.Id)).Single().Status == PaymentStatus.Succeeded;
        });
        payments.Add(fast.PaymentId);

        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var refunds = Services.GetRequiredService<RefundFlow>();
        foreach (var (payment, amount, key) in new[]
        {
            (payments[0], "100.00", "whole-usd"), (payments[1], "33.33", "part-jpy-1"), (payments[1], "1.00", "part-jpy-2"),
            (payments[2], "2.34", "part-cny"), (payments[5], "66.00", "whole-hkd-fast"),
        })
        {
            var refund = await refunds.RequestAsync(manager, payment, new RefundRequest(amount, RefundReason.Returned, null, key));
            if (refund.Status == RefundStatus.Processing)
            {
                await Eventually.HoldsAsync(async () =>
                {
                    _time.Advance(TimeSpan.FromSeconds(1));
                    return (await DemoPayments.RefundsOfAsync(Services, payment)).Single(r => r.Id == refund.RefundId).Status != RefundStatus.Processing;
                });
            }
        }

        using var owner = await StaffHttpClient.SignInAsync(_app, "owner@demo.test");
        var lines = Csv.Lines(await owner.GetStringAsync($"admin/reports/reconciliation.csv?{Csv.AroundToday()}"));
        Assert.Equal([Csv.ReconciliationHeader], lines);
        Assert.All(await BankBook.LedgerSumsByCurrencyAsync(Services), sum => Assert.Equal(0, sum.Value));
    }

    private async Task<Guid> PayRealTimeAsync(string payer, decimal amount)
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, amount);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var quote = (await Flow.QuoteAsync(started.PaymentId, AccountNumber.Parse(payer))).Quote;
        var paid = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456", quote?.QuoteId), $"pay-{Guid.NewGuid():N}");
        Assert.Equal(PaymentStatus.Succeeded, paid.Status);
        return started.PaymentId;
    }
}

public sealed class CrossBorderPaymentOnSqliteTests() : CrossBorderPaymentTests(DatabaseProvider.Sqlite);

public sealed class CrossBorderPaymentOnPostgresTests() : CrossBorderPaymentTests(DatabaseProvider.Postgres);
