using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.SandboxBank;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Refunds;

/// <summary>Refunds through the real flow, the real signed HTTP rail and the sandbox bank, on a real database.</summary>
public abstract class RefundTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string MerchantAccount = "8800000000000001";
    private readonly PortalApp _app = new(new Dictionary<string, string?> { ["SandboxBank:FastSettlementDelay"] = "00:00:00.300" },
        provider: provider);

    private IServiceProvider Services => _app.Services;

    private RefundFlow Refunds => Services.GetRequiredService<RefundFlow>();

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwentyParallelPartialRefunds_ExactlyThoseThatFitSucceedAndBalancesAreExact()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 100.00m, payerBalance: 500.00m);
        var merchantBefore = await BankBook.BalanceAsync(Services, MerchantAccount);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var owner = await DemoPayments.StaffAsync(Services, StaffRole.Owner);

        // Two browsers' worth of staff refund 7.00 twenty times at once: 140.00 asked of a 100.00 payment.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                return (Refund: await Refunds.RequestAsync(i % 2 == 0 ? manager : owner, payment.PaymentId,
                    new RefundRequest("7.00", RefundReason.RequestedByCustomer, null, $"key-{i}")), Error: (string?)null);
            }
            catch (DomainValidationException ex)
            {
                return (Refund: (RefundSnapshot?)null, Error: ex.Errors["Amount"][0]);
            }
        }));

        Assert.Equal(14, outcomes.Count(o => o.Refund?.Status == RefundStatus.Succeeded));
        Assert.Equal(6, outcomes.Count(o => o.Error is not null));
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.Contains("2.00", o.Error));
        var after = await DemoPayments.ReloadAsync(Services, payment.PaymentId);
        Assert.Equal(98_00, after.RefundedMinorUnits);
        Assert.Equal(0, after.RefundsInFlightMinorUnits);
        Assert.Equal(500_00 - 100_00 + 98_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(merchantBefore - 98_00, await BankBook.BalanceAsync(Services, MerchantAccount));
        Assert.Equal(0, await BankBook.LedgerSumAsync(Services));
        var refunds = await DemoPayments.RefundsOfAsync(Services, payment.PaymentId);
        Assert.Equal(14, refunds.Count);
        Assert.All(refunds, r => Assert.Equal(RefundStep.Notified, r.Step));
        Assert.All(refunds, r => Assert.Equal(1, BankBook.LedgerTransactionsForAsync(Services, r.Id).GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task Request_SameIdempotencyKeyTwiceAtOnce_RefundsOnce()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 50.00m, payerBalance: 50.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var request = new RefundRequest("20.00", RefundReason.Returned, null, "double-click");

        var results = await Task.WhenAll(Refunds.RequestAsync(manager, payment.PaymentId, request),
            Refunds.RequestAsync(manager, payment.PaymentId, request));

        Assert.Equal(results[0].RefundId, results[1].RefundId);
        Assert.Single(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(20_00, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task Request_ByViewer_ForbiddenAndNothingMoves()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 10.00m, payerBalance: 10.00m);
        var viewer = await DemoPayments.StaffAsync(Services, StaffRole.Viewer);

        await Assert.ThrowsAsync<ForbiddenException>(() => Refunds.RequestAsync(viewer, payment.PaymentId,
            new RefundRequest("10.00", RefundReason.RequestedByCustomer, null, "forged")));

        Assert.Empty(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(0, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task Request_ByAnotherMerchantsOwner_ReadsAsNotFoundAndNothingMoves()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 10.00m, payerBalance: 10.00m);
        var stranger = await DemoPayments.StaffAsync(Services, StaffRole.Owner, DemoData.OtherShop);

        await Assert.ThrowsAsync<NotFoundException>(() => Refunds.RequestAsync(stranger, payment.PaymentId,
            new RefundRequest("10.00", RefundReason.RequestedByCustomer, null, "forged")));

        Assert.Empty(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(0, await BankBook.BalanceAsync(Services, payer));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("-5.00", null)]
    [InlineData("10.001", null)]
    [InlineData("10.01", null)]
    [InlineData("abc", null)]
    [InlineData("5.00", "EUR")]
    public async Task Request_BadAmount_ClearMessageAndNothingHeld(string amount, string? currency)
    {
        var (payment, _) = await DemoPayments.PaidAsync(Services, 10.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => Refunds.RequestAsync(manager, payment.PaymentId,
            new RefundRequest(amount, RefundReason.RequestedByCustomer, null, "bad", currency)));

        Assert.NotEmpty(ex.Errors["Amount"][0]);
        Assert.Empty(await DemoPayments.RefundsOfAsync(Services, payment.PaymentId));
        Assert.Equal(10_00, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).Refundable.MinorUnits);
    }

    [Fact]
    public async Task Request_FailedPayment_Refused()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 1.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m);
        var flow = Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var failed = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "k");
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var ex = await Assert.ThrowsAsync<DomainValidationException>(() => Refunds.RequestAsync(manager, failed.PaymentId,
            new RefundRequest(null, RefundReason.RequestedByCustomer, null, "k")));

        Assert.Contains("succeeded", ex.Errors["Amount"][0]);
    }

    [Fact]
    public async Task Request_MerchantAccountLacksFunds_FailsWithClearReasonAndNothingMoves()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 40.00m, payerBalance: 40.00m);
        var merchantBalance = await BankBook.BalanceAsync(Services, MerchantAccount);
        // The merchant swept its takings out of the bank, leaving 10.00.
        await Services.GetRequiredService<SandboxBankSeeder>().PayOutAsync(MerchantAccount,
            Money.FromMinorUnits(merchantBalance - 10_00, Currency.CNY));
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var refund = await Refunds.RequestAsync(manager, payment.PaymentId,
            new RefundRequest("25.00", RefundReason.Returned, null, "poor"));

        Assert.Equal(RefundStatus.Failed, refund.Status);
        Assert.Equal(RefundFailures.MerchantLacksFunds.Message, refund.FailureMessage);
        Assert.Equal(10_00, await BankBook.BalanceAsync(Services, MerchantAccount));
        Assert.Equal(0, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(0, await BankBook.LedgerSumAsync(Services));
        Assert.Equal(40_00, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).Refundable.MinorUnits);
    }

    [Fact]
    public async Task AboveThreshold_WaitsForSecondApprover_RequesterCannotApprove_RejectFreesAmount()
    {
        var (payment, payer) = await DemoPayments.PaidAsync(Services, 3_000.00m);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);
        var owner = await DemoPayments.StaffAsync(Services, StaffRole.Owner);

        var first = await Refunds.RequestAsync(manager, payment.PaymentId, new RefundRequest("1500.00", RefundReason.Returned, null, "a"));
        Assert.Equal(RefundStatus.PendingApproval, first.Status);
        Assert.Equal(1_500_00, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).Refundable.MinorUnits);
        await Assert.ThrowsAsync<DomainValidationException>(() => Refunds.ApproveAsync(manager, first.RefundId));

        var rejected = await Refunds.RejectAsync(owner, first.RefundId, "Not returned yet");
        Assert.Equal(RefundStatus.Rejected, rejected.Status);
        Assert.Equal(3_000_00, (await DemoPayments.ReloadAsync(Services, payment.PaymentId)).Refundable.MinorUnits);

        var second = await Refunds.RequestAsync(manager, payment.PaymentId, new RefundRequest("1500.00", RefundReason.Returned, null, "b"));
        var approved = await Refunds.ApproveAsync(owner, second.RefundId);
        Assert.Equal(RefundStatus.Succeeded, approved.Status);
        Assert.Equal(manager.Name, approved.RequestedByName);
        Assert.Equal(owner.Name, approved.ApprovedByName);
        Assert.Equal(10_000_00 - 3_000_00 + 1_500_00, await BankBook.BalanceAsync(Services, payer));
    }

    [Fact]
    public async Task FastPaymentRefund_AcceptedThenSettledByCallback()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 30.00m);
        var flow = Services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.Fast);
        await flow.ApproveFastAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "fast");
        await WaitForAsync(() => DemoPayments.ReloadAsync(Services, started.PaymentId), p => p.Status == PaymentStatus.Succeeded);
        var manager = await DemoPayments.StaffAsync(Services, StaffRole.Manager);

        var accepted = await Refunds.RequestAsync(manager, started.PaymentId, new RefundRequest("12.00", RefundReason.Returned, null, "f"));

        Assert.Equal(RefundStatus.Processing, accepted.Status);
        Assert.Equal(RefundStep.RailVerified, accepted.Step);
        var refunds = await WaitForAsync(() => DemoPayments.RefundsOfAsync(Services, started.PaymentId),
            r => r.Single().Step == RefundStep.Notified);
        Assert.Equal(RefundStatus.Succeeded, refunds.Single().Status);
        Assert.Equal(100_00 - 30_00 + 12_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(12_00, (await DemoPayments.ReloadAsync(Services, started.PaymentId)).RefundedMinorUnits);
        Assert.Equal(0, await BankBook.LedgerSumAsync(Services));
    }

    // The bank settles fast orders on its own clock; poll the database until it has, for at most 15 s.
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(50, timeout.Token);
        }
    }
}

public sealed class RefundOnSqliteTests() : RefundTests(DatabaseProvider.Sqlite);

public sealed class RefundOnPostgresTests() : RefundTests(DatabaseProvider.Postgres);
