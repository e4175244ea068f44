using Portal.SandboxBank;

namespace Portal.Tests.Integration.SandboxBank;

public sealed class FxRefundTests(FxBankFixture bank) : IClassFixture<FxBankFixture>
{
    private const string Merchant = FxBankFixture.MerchantAccount;

    private async Task<(string Payer, BankOrderAnswer Payment)> PaidAsync(string currency, string amount, decimal balance = 1_000m)
    {
        var payer = await bank.OpenForeignPayerAsync(currency, balance);
        var quote = await bank.QuoteAsync(payer, amount);
        var payment = await bank.PayAsync(payer, amount, quote);
        Assert.Equal("Settled", payment.Status);
        return (payer, payment);
    }

    [Fact]
    public async Task Refund_WholeFxPayment_ReturnsExactlyThePayerTotal()
    {
        var (payer, payment) = await PaidAsync("USD", "100.00", 100m);

        var refund = await bank.RefundAsync(payment.OrderId, "100.00");

        Assert.Equal("Settled", refund.Status);
        Assert.Equal(("13.99", "USD"), (refund.PayerAmount, refund.PayerCurrency));
        Assert.Null(refund.QuoteId);
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_WholeFxPaymentWithFee_ReturnsTheFeeToo()
    {
        bank.Configure("SandboxBank:Fx:Fees:USD", "0.50");
        (string Payer, BankOrderAnswer Payment) paid;
        try
        {
            paid = await PaidAsync("USD", "100.00", 100m);
        }
        finally
        {
            bank.Configure("SandboxBank:Fx:Fees:USD", "0");
        }

        var refund = await bank.RefundAsync(paid.Payment.OrderId, "100.00");

        Assert.Equal("14.49", refund.PayerAmount);
        Assert.Equal(100_00, (await bank.AccountAsync(paid.Payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_FxPayment_FourLegsBalancedPerCurrency()
    {
        var (payer, payment) = await PaidAsync("USD", "100.00");

        var refund = await bank.RefundAsync(payment.OrderId, "50.00");

        // ⌊13.99 × 50 ÷ 100⌋ = 6.99 USD.
        Assert.Equal(
            [(Merchant, -50_00L, "CNY"), ("BANK-FX-CNY", 50_00L, "CNY"), ("BANK-FX-USD", -6_99L, "USD"), (payer, 6_99L, "USD")],
            await bank.LegsAsync(refund.OrderId));
        Assert.All(await bank.LedgerSumsByCurrencyAsync(), sum => Assert.Equal(0, sum.Value));
    }

    [Fact]
    public async Task Refund_PartsOfFxPayment_ProportionalAndSumToThePayerTotal()
    {
        var (payer, payment) = await PaidAsync("USD", "100.00", 100m);

        var shares = new List<string?>();
        foreach (var part in new[] { "33.33", "33.33", "33.34" })
        {
            shares.Add((await bank.RefundAsync(payment.OrderId, part)).PayerAmount);
        }

        // Cumulative: ⌊1399 × 3333 ÷ 10000⌋ = 466, ⌊1399 × 6666 ÷ 10000⌋ = 932, then the rest of 1399.
        Assert.Equal(["4.66", "4.66", "4.67"], shares);
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_JpyPaymentInParts_SumToThePayerTotal()
    {
        var (payer, payment) = await PaidAsync("JPY", "100.00", 10_000m);
        var paidYen = 10_000 - (await bank.AccountAsync(payer)).BalanceMinorUnits;

        await bank.RefundAsync(payment.OrderId, "10.01");
        await bank.RefundAsync(payment.OrderId, "45.55");
        await bank.RefundAsync(payment.OrderId, "44.44");

        Assert.True(paidYen > 0);
        Assert.Equal(10_000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_ShareRoundsToNothing_RefusedFx04AndNothingMoves()
    {
        var (payer, payment) = await PaidAsync("USD", "100.00", 100m);
        var merchantBefore = (await bank.AccountAsync(Merchant)).BalanceMinorUnits;

        var refund = await bank.RefundAsync(payment.OrderId, "0.01");

        Assert.Equal(("Rejected", "FX04"), (refund.Status, refund.ReasonCode));
        Assert.Equal(100_00 - 13_99, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(merchantBefore, (await bank.AccountAsync(Merchant)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_AfterZeroShareRefused_TheRestStillRefundsEverything()
    {
        var (payer, payment) = await PaidAsync("USD", "100.00", 100m);
        await bank.RefundAsync(payment.OrderId, "0.01");

        var refund = await bank.RefundAsync(payment.OrderId, "100.00");

        Assert.Equal("Settled", refund.Status);
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_MoreThanFxPayment_RefusedAm02InMerchantCurrency()
    {
        var (_, payment) = await PaidAsync("USD", "100.00");
        await bank.RefundAsync(payment.OrderId, "60.00");

        var refund = await bank.RefundAsync(payment.OrderId, "40.01");

        Assert.Equal("AM02", refund.ReasonCode);
    }

    [Fact]
    public async Task Refund_FastOfFxPayment_SettlesItsShareLater()
    {
        var (payer, payment) = await PaidAsync("USD", "100.00", 100m);
        var refundId = Guid.CreateVersion7();
        var body = FxBankFixture.RefundJson(refundId, payment.OrderId, "100.00").TrimEnd('}') +
                   ""","mode":"fast","callbackUrl":"http://127.0.0.1:9/callback"}""";
        var (response, accepted) = await bank.SubmitAsync(refundId, body);
        response.Dispose();

        var settled = await bank.Bank.SettleAsync(refundId);

        Assert.Equal(("Accepted", "13.99"), (accepted!.Status, accepted.PayerAmount));
        Assert.Equal(BankOrderStatus.Settled, settled!.Status);
        Assert.Equal(100_00, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task Refund_CarryingAQuote_ValidationProblem()
    {
        var (_, payment) = await PaidAsync("USD", "10.00");
        var refundId = Guid.CreateVersion7();
        var body = FxBankFixture.RefundJson(refundId, payment.OrderId, "10.00").TrimEnd('}') +
                   ""","quoteId":"q_0123456789abcdef0123456789abcdef","payerAmount":"1.40","payerCurrency":"USD"}""";

        var (response, _) = await bank.SubmitAsync(refundId, body);

        using (response)
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
