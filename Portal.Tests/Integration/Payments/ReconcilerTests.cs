using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Payments;

/// <summary>
/// The bank settles but its answer never reaches Portal in time: the payment waits between steps 4 and 6 and the
/// reconciler, asking the bank, finishes it with the one debit that happened.
/// </summary>
public abstract class ReconcilerTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Only ends a test whose reconciler never finishes; on a loaded machine one pass can wait for the database a while.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly PortalApp _app = new(new Dictionary<string, string?>
    {
        ["SandboxBank:LostResponseRate"] = "1",
        ["SandboxBank:LostResponseDelay"] = "00:00:20",
        ["Rail:Timeout"] = "00:00:01",
        ["Payments:ReconcileAfter"] = "00:00:00.200",
        ["Reconciler:Interval"] = "00:00:00.250",
    }, provider: provider);

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PayRealTime_RailAnswerLost_StaysProcessingThenReconcilerFinishesWithOneDebit()
    {
        var services = _app.Services;
        var flow = services.GetRequiredService<PaymentFlow>();
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 20.00m);

        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var answer = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");

        Assert.Equal(PaymentStatus.Processing, answer.Status);
        Assert.Equal(PaymentStep.OrderSent, answer.Step);

        var finished = await WaitForAsync(services, checkout.Id, p => p.Status == PaymentStatus.Succeeded && p.NotifiedAt is not null);
        Assert.Equal(started.PaymentId, finished.Id);
        Assert.Equal(50_00 - 20_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, finished.Id));
    }

    [Fact]
    public async Task Refund_RailAnswerLost_StaysProcessingThenReconcilerFinishesWithOneCredit()
    {
        var services = _app.Services;
        var flow = services.GetRequiredService<PaymentFlow>();
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 20.00m);
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        await WaitForAsync(services, checkout.Id, p => p.Status == PaymentStatus.Succeeded);
        var manager = await DemoPayments.StaffAsync(services, Portal.Domain.Merchants.StaffRole.Manager);

        var answer = await services.GetRequiredService<RefundFlow>().RequestAsync(manager, started.PaymentId,
            new RefundRequest("5.00", RefundReason.Returned, null, "refund-1"));

        Assert.Equal(RefundStatus.Processing, answer.Status);
        Assert.Equal(RefundStep.OrderSent, answer.Step);
        var deadline = DateTime.UtcNow + Deadline;
        Refund? refund = null;
        while (DateTime.UtcNow < deadline && refund?.NotifiedAt is null)
        {
            await Task.Delay(100);
            refund = (await DemoPayments.RefundsOfAsync(services, started.PaymentId)).Single();
        }
        Assert.Equal(RefundStatus.Succeeded, refund?.Status);
        Assert.Equal(50_00 - 20_00 + 5_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, answer.RefundId));
        Assert.Equal(5_00, (await DemoPayments.ReloadAsync(services, started.PaymentId)).RefundedMinorUnits);
    }

    private static async Task<Payment> WaitForAsync(IServiceProvider services, Guid checkoutId, Func<Payment, bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            var payment = (await DemoCheckouts.PaymentsOfAsync(services, checkoutId)).FirstOrDefault(condition);
            if (payment is not null)
            {
                return payment;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The reconciler did not finish the payment in time.");
    }
}

public sealed class ReconcilerOnSqliteTests() : ReconcilerTests(DatabaseProvider.Sqlite);

public sealed class ReconcilerOnPostgresTests() : ReconcilerTests(DatabaseProvider.Postgres);
