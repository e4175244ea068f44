using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Payments;

/// <summary>The flow on a real database, through the real signed HTTP rail to the sandbox bank on a real port.</summary>
public abstract class RealTimePaymentTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly PortalApp _app = new(provider: provider);

    private IServiceProvider Services => _app.Services;

    private PaymentFlow Flow => Services.GetRequiredService<PaymentFlow>();

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PayRealTime_CorrectPin_DebitsPayerCreditsMerchantOnce()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 100.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 12.34m);
        var merchantBefore = await BankBook.BalanceAsync(Services, "8800000000000001");

        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var result = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        Assert.Equal(PaymentStatus.Succeeded, result.Status);
        Assert.Equal(7, result.Steps.Count);
        Assert.Equal(100_00 - 12_34, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(merchantBefore + 12_34, await BankBook.BalanceAsync(Services, "8800000000000001"));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(Services, started.PaymentId));
        Assert.Equal(0, await BankBook.LedgerSumAsync(Services));
        Assert.Equal(CheckoutStatus.Paid, (await DemoCheckouts.ReloadAsync(Services, checkout.Id)).Status);
    }

    [Fact]
    public async Task PayRealTime_StepsRecordedInOrder_EachAfterThePrevious()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 10.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 1.00m);

        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var result = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        Assert.Equal(Enum.GetValues<PaymentStep>(), result.Steps.Select(s => s.Step));
        Assert.True(result.Steps.Zip(result.Steps.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
    }

    [Fact]
    public async Task PayRealTime_TwentyParallelAttemptsOnOneCheckout_ExactlyOneDebit()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 1_000.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m);

        // Twenty customers' tabs (or a script) choose and pay the same checkout at once, each with its own attempt.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
            return await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), $"key-{i}");
        }).Select(t => t.ContinueWith(r => r.IsCompletedSuccessfully ? r.Result : null, TaskScheduler.Default)));

        var payments = await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id);
        Assert.Single(payments, p => p.Status == PaymentStatus.Succeeded);
        Assert.DoesNotContain(payments, p => p.Status == PaymentStatus.Processing);
        Assert.All(payments.Where(p => p.Status == PaymentStatus.Failed), p => Assert.Equal(FailureReason.Duplicate.Code, p.FailureCode));
        Assert.Equal(1_000_00 - 10_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(0, await BankBook.LedgerSumAsync(Services));
        Assert.Contains(attempts, a => a?.Status == PaymentStatus.Succeeded);
    }

    [Fact]
    public async Task PayRealTime_TwentyParallelSubmissionsOfOnePayment_OneOrder()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 1_000.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 10.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        // One page, many clicks or resubmissions of the same attempt.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), $"key-{i % 3}")));

        var payments = await DemoCheckouts.PaymentsOfAsync(Services, checkout.Id);
        var payment = Assert.Single(payments);
        Assert.Equal(PaymentStatus.Succeeded, payment.Status);
        Assert.Equal(1_000_00 - 10_00, await BankBook.BalanceAsync(Services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(Services, payment.Id));
    }

    [Fact]
    public async Task PayRealTime_InsufficientFunds_FailsAtProcessingAndReleasesCheckout()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 5.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 50.00m);

        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var result = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        Assert.Equal(PaymentStatus.Failed, result.Status);
        Assert.Equal("AM04", result.FailureCode);
        Assert.Equal(PaymentStep.PayeeProcessed, result.FailedAtStep);
        Assert.Equal(5_00, await BankBook.BalanceAsync(Services, payer));
        var after = await DemoCheckouts.ReloadAsync(Services, checkout.Id);
        Assert.Equal(CheckoutStatus.Open, after.Status);
        Assert.Null(after.ReservedByPaymentId);
    }

    [Theory]
    [InlineData("6200000000000003", "123456", "AC04")]
    [InlineData("6299999999999999", "123456", "AC01")]
    [InlineData("6200000000000001", "654321", "PIN1")]
    public async Task PayRealTime_RefusedAtVerification_FailsAtStepFiveAndMovesNothing(string account, string pin, string code)
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m);
        var before = await BankBook.LedgerSumAsync(Services);

        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var result = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(account, pin), "key-1");

        Assert.Equal(code, result.FailureCode);
        Assert.Equal(PaymentStep.PayeeVerified, result.FailedAtStep);
        Assert.Equal(0, await BankBook.LedgerTransactionsForAsync(Services, started.PaymentId));
        Assert.Equal(before, await BankBook.LedgerSumAsync(Services));
    }

    [Fact]
    public async Task ChooseMethod_ExpiredCheckout_IsRefused()
    {
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m, expiresIn: TimeSpan.FromMilliseconds(300));
        await Task.Delay(400);

        var refusal = await Assert.ThrowsAsync<CheckoutClosedException>(() => Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime));

        Assert.Equal("EXPD", refusal.Reason.Code);
    }

    [Fact]
    public async Task ChooseMethod_PaidCheckout_IsRefused()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 10.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 1.00m);
        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        var refusal = await Assert.ThrowsAsync<CheckoutClosedException>(() => Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime));

        Assert.Equal("DUPL", refusal.Reason.Code);
    }

    [Fact]
    public async Task PayRealTime_TwentyMadeUpAccountsOnOneLink_LinkStaysOpenAndARealPaymentSucceeds()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 10.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m);
        for (var i = 0; i < 2 * Checkout.MaxFailedAttempts; i++)
        {
            var attempt = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
            var result = await Flow.PayRealTimeAsync(attempt.PaymentId, PayerDetails.Parse($"629999999999{i:0000}", "123456"), $"key-{i}");
            Assert.Equal("AC01", result.FailureCode);
        }

        var started = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var paid = await Flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-real");

        Assert.Equal(PaymentStatus.Succeeded, paid.Status);
        Assert.Equal(0, (await DemoCheckouts.ReloadAsync(Services, checkout.Id)).FailedAttempts);
    }

    [Fact]
    public async Task PayRealTime_TenWrongPinsOnARealAccount_LinkIsLocked()
    {
        var payer = await BankBook.OpenPayerAsync(Services, 10.00m);
        var checkout = await DemoCheckouts.CreateAsync(Services, 5.00m);
        for (var i = 0; i < Checkout.MaxFailedAttempts; i++)
        {
            var attempt = await Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
            var result = await Flow.PayRealTimeAsync(attempt.PaymentId, PayerDetails.Parse(payer, "000000"), $"key-{i}");
            // The bank locks the account after five: PIN5 from then on, which counts as well.
            Assert.Contains(result.FailureCode, new[] { "PIN1", "PIN5" });
        }

        var refusal = await Assert.ThrowsAsync<CheckoutClosedException>(() => Flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime));

        Assert.Equal("TMAT", refusal.Reason.Code);
    }
}

public sealed class RealTimePaymentOnSqliteTests() : RealTimePaymentTests(DatabaseProvider.Sqlite);

public sealed class RealTimePaymentOnPostgresTests() : RealTimePaymentTests(DatabaseProvider.Postgres);
