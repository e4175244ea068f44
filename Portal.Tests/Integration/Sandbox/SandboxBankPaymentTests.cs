using System.Net;
using System.Text.Json;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Rails;
using Portal.SandboxBank;

namespace Portal.Tests.Integration.Sandbox;

public sealed class SandboxBankPaymentTests(SandboxBankFixture bank) : IClassFixture<SandboxBankFixture>
{
    [Fact]
    public async Task SubmitAsync_EnoughFunds_SettlesAndMovesMoneyOnce()
    {
        var payer = await bank.OpenPayerAsync(100m);
        var merchantBefore = (await bank.AccountAsync(SandboxBankFixture.MerchantAccount)).BalanceMinorUnits;

        var result = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 12.50m));

        Assert.Equal(RailOrderStatus.Settled, result.Status);
        Assert.Equal(8750, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(merchantBefore + 1250, (await bank.AccountAsync(SandboxBankFixture.MerchantAccount)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitAsync_Settled_LedgerSumsToZeroAndMatchesBalances()
    {
        var payer = await bank.OpenPayerAsync(100m);

        await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 30m));

        Assert.Equal(0, await bank.LedgerBalanceAsync());
        Assert.Equal((await bank.AccountAsync(payer)).BalanceMinorUnits, await bank.LedgerBalanceAsync(payer));
        Assert.Equal((await bank.AccountAsync(SandboxBankFixture.MerchantAccount)).BalanceMinorUnits,
            await bank.LedgerBalanceAsync(SandboxBankFixture.MerchantAccount));
    }

    [Fact]
    public async Task SubmitAsync_InsufficientFunds_RejectsAfterVerificationAndMovesNothing()
    {
        var payer = await bank.OpenPayerAsync(5m);

        var result = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 5.01m));

        Assert.Equal(RailOrderStatus.Rejected, result.Status);
        Assert.Equal(FailureReason.InsufficientFunds.Code, result.Failure?.Code);
        Assert.NotNull(result.VerifiedAt);
        Assert.Equal(500, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitAsync_UnknownPayer_RejectsWithAc01()
    {
        var result = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment("6299999999999999", 1m));

        Assert.Equal(FailureReason.UnknownAccount.Code, result.Failure?.Code);
        Assert.Null(result.VerifiedAt);
    }

    [Fact]
    public async Task SubmitAsync_ClosedPayer_RejectsWithAc04()
    {
        var payer = await bank.OpenPayerAsync(10m, BankAccountStatus.Closed);

        var result = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m));

        Assert.Equal(FailureReason.ClosedAccount.Code, result.Failure?.Code);
    }

    [Fact]
    public async Task SubmitAsync_WrongPin_RejectsWithPin1AndCountsTheAttempt()
    {
        var payer = await bank.OpenPayerAsync(10m);

        var result = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m, pin: "654321"));

        Assert.Equal(FailureReason.WrongPin.Code, result.Failure?.Code);
        Assert.Equal(1, (await bank.AccountAsync(payer)).FailedPinAttempts);
        Assert.Equal(1000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitAsync_FifthWrongPin_LocksAccountAndRefusesCorrectPin()
    {
        var payer = await bank.OpenPayerAsync(10m);
        for (var i = 0; i < Bank.MaxPinAttempts; i++)
        {
            await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m, pin: "654321"));
        }

        var result = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m));

        Assert.Equal(FailureReason.PinLocked.Code, result.Failure?.Code);
        Assert.Equal(BankAccountStatus.Locked, (await bank.AccountAsync(payer)).Status);
        Assert.Equal(1000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitAsync_CorrectPinAfterWrongOne_ResetsAttempts()
    {
        var payer = await bank.OpenPayerAsync(10m);
        await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m, pin: "654321"));

        await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m));

        Assert.Equal(0, (await bank.AccountAsync(payer)).FailedPinAttempts);
    }

    [Fact]
    public async Task PostOrder_DuplicateOrderId_AnswersDuplAndDebitsOnce()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var order = SandboxBankFixture.Payment(payer, 1m);
        await bank.Rail.SubmitAsync(order);
        bank.Time.Advance(TimeSpan.FromSeconds(1));

        using var response = await bank.SendSignedAsync(HttpMethod.Post, "sandbox/bank/v1/orders",
            SandboxBankFixture.OrderJson(order.OrderId, payer), order.OrderId.ToString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("DUPL", answer.RootElement.GetProperty("reasonCode").GetString());
        Assert.Equal(900, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitAsync_SameOrderAgain_ReturnsTheOriginalSettlement()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var order = SandboxBankFixture.Payment(payer, 1m);
        await bank.Rail.SubmitAsync(order);
        bank.Time.Advance(TimeSpan.FromSeconds(1));

        var again = await bank.Rail.SubmitAsync(order);

        Assert.Equal(RailOrderStatus.Settled, again.Status);
        Assert.Equal(900, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitAsync_TwentyParallelOrdersOnFiveUnits_SettlesExactlyFive()
    {
        var payer = await bank.OpenPayerAsync(5m);

        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 1m)))));

        Assert.Equal(5, results.Count(r => r.Status == RailOrderStatus.Settled));
        Assert.All(results.Where(r => r.Status != RailOrderStatus.Settled),
            r => Assert.Equal(FailureReason.InsufficientFunds.Code, r.Failure?.Code));
        Assert.Equal(0, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(0, await bank.LedgerBalanceAsync(payer));
    }

    [Fact]
    public async Task QueryAsync_SettledOrder_ReturnsItsResult()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var submitted = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 2m));

        var queried = await bank.Rail.QueryAsync(submitted.OrderId);

        Assert.Equal(submitted, queried);
    }

    [Fact]
    public async Task QueryAsync_RejectedOrder_ReturnsTheRejection()
    {
        var payer = await bank.OpenPayerAsync(1m);
        var submitted = await bank.Rail.SubmitAsync(SandboxBankFixture.Payment(payer, 2m));

        var queried = await bank.Rail.QueryAsync(submitted.OrderId);

        Assert.Equal(FailureReason.InsufficientFunds.Code, queried?.Failure?.Code);
    }

    [Fact]
    public async Task QueryAsync_UnknownOrder_ReturnsNull()
    {
        var queried = await bank.Rail.QueryAsync(Guid.CreateVersion7());

        Assert.Null(queried);
    }

    [Fact]
    public async Task SubmitRefundAsync_AfterPayment_MovesMoneyBack()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var shop = await bank.OpenMerchantAsync(0m);
        var payment = SandboxBankFixture.Payment(payer, 4m, merchant: shop);
        await bank.Rail.SubmitAsync(payment);

        var refund = await bank.Rail.SubmitRefundAsync(Refund(payment.OrderId, shop, 4m));

        Assert.Equal(RailOrderStatus.Settled, refund.Status);
        Assert.Equal(1000, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(0, (await bank.AccountAsync(shop)).BalanceMinorUnits);
        Assert.Equal(0, await bank.LedgerBalanceAsync());
    }

    [Fact]
    public async Task SubmitRefundAsync_BeyondWhatWasPaid_RejectsWithAm02AndMovesNothing()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var shop = await bank.OpenMerchantAsync(100m);
        var payment = SandboxBankFixture.Payment(payer, 4m, merchant: shop);
        await bank.Rail.SubmitAsync(payment);
        await bank.Rail.SubmitRefundAsync(Refund(payment.OrderId, shop, 3m));

        var second = await bank.Rail.SubmitRefundAsync(Refund(payment.OrderId, shop, 1.01m));

        Assert.Equal("AM02", second.Failure?.Code);
        Assert.Equal(900, (await bank.AccountAsync(payer)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitRefundAsync_OfAnotherMerchantsPayment_RejectsAndMovesNothing()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var shop = await bank.OpenMerchantAsync(0m);
        var other = await bank.OpenMerchantAsync(50m);
        var payment = SandboxBankFixture.Payment(payer, 4m, merchant: shop);
        await bank.Rail.SubmitAsync(payment);

        var refund = await bank.Rail.SubmitRefundAsync(Refund(payment.OrderId, other, 4m));

        Assert.Equal(RailOrderStatus.Rejected, refund.Status);
        Assert.Equal(600, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(5000, (await bank.AccountAsync(other)).BalanceMinorUnits);
    }

    [Fact]
    public async Task SubmitRefundAsync_MerchantLacksFunds_RejectsWithAm04()
    {
        var payer = await bank.OpenPayerAsync(10m);
        var shop = await bank.OpenMerchantAsync(0m);
        var payment = SandboxBankFixture.Payment(payer, 4m, merchant: shop);
        await bank.Rail.SubmitAsync(payment);
        await bank.Seeder.PayOutAsync(shop, Money.Of(3m, Currency.CNY));

        var refund = await bank.Rail.SubmitRefundAsync(Refund(payment.OrderId, shop, 2m));

        Assert.Equal(FailureReason.InsufficientFunds.Code, refund.Failure?.Code);
        Assert.Equal(100, (await bank.AccountAsync(shop)).BalanceMinorUnits);
        Assert.Equal(600, (await bank.AccountAsync(payer)).BalanceMinorUnits);
        Assert.Equal(0, await bank.LedgerBalanceAsync());
    }

    private static RefundOrder Refund(Guid originalOrderId, string merchant, decimal amount) =>
        new(Guid.CreateVersion7(), originalOrderId, AccountNumber.Parse(merchant), Money.Of(amount, Currency.CNY), "refund",
            DateTimeOffset.UtcNow);
}
