using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.SandboxBank;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The process dies after the bank settled a payment but before Portal heard of it (between steps 4 and 6). After a
/// restart the reconciler asks the bank and finishes the payment; the payer is debited exactly once.
/// </summary>
public abstract class CrashRecoveryTests(BrowserAppFixture fixture, DatabaseProvider provider) : IAsyncLifetime
{
    private const string Payer = "6200000000000001";
    private readonly string _dataDirectory = TestPaths.NewTempDirectory("crash");
    private PortalDatabase _database = default!;

    public Task InitializeAsync()
    {
        _database = PortalDatabase.Create(provider, _dataDirectory);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        TestPaths.TryDelete(_dataDirectory);
    }

    [Fact]
    public async Task Payment_ProcessKilledBetweenStepsFourAndSix_FinishedAfterRestartWithOneDebit()
    {
        var reconcileQuickly = new Dictionary<string, string>
        {
            ["Payments:ReconcileAfter"] = "00:00:00.500",
            ["Reconciler:Interval"] = "00:00:00.500",
        };
        // First life: the bank commits every order, then holds its answer for minutes; Portal waits at step 4.
        // Its reconciler waits long, so that only the crash, not a timely reconciliation, leaves the payment stranded.
        var first = await PortalProcess.StartAsync(_dataDirectory, _database.SettingsWith(new Dictionary<string, string>
        {
            ["Payments:ReconcileAfter"] = "00:10:00",
            ["SandboxBank:LostResponseRate"] = "1",
            ["SandboxBank:LostResponseDelay"] = "00:05:00",
            ["Rail:Timeout"] = "00:05:00",
        }));
        var port = first.BaseAddress.Port;
        Checkout checkout;
        Guid paymentId;
        await using (first)
        {
            checkout = await CreateCheckoutAsync(42.00m);
            await using var context = await fixture.Browser.NewContextAsync(first.BaseAddress);
            var page = new CheckoutPageObject(await context.NewPageAsync());
            await page.OpenAsync(checkout.Token);
            await page.PayRealTimeAsync(Payer, "123456");
            await Expect(page.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Processing your payment…" })).ToBeVisibleAsync();

            paymentId = await WaitAsync(async () =>
            {
                await using var bank = OpenBank();
                return await bank.Orders.Where(o => o.Status == BankOrderStatus.Settled && o.Reference.StartsWith("T-"))
                    .Select(o => (Guid?)o.OrderId).FirstOrDefaultAsync();
            });

            first.Kill();
        }

        var stranded = await FindPaymentAsync(paymentId);
        Assert.Equal(PaymentStatus.Processing, stranded.Status);
        Assert.Equal(PaymentStep.OrderSent, stranded.Step);

        // Second life: the bank answers normally again; nothing but the reconciler touches the stranded payment.
        await using (await PortalProcess.StartAsync(_dataDirectory, _database.SettingsWith(reconcileQuickly), port))
        {
            await WaitAsync(async () => (await FindPaymentAsync(paymentId)) is { Status: PaymentStatus.Succeeded, NotifiedAt: not null } ? (Guid?)paymentId : null);
        }

        await using var books = OpenBank();
        Assert.Equal(10_000_00 - 42_00, await books.Accounts.Where(a => a.Number == Payer).Select(a => a.BalanceMinorUnits).SingleAsync());
        Assert.Equal(1, await books.LedgerTransactions.CountAsync(t => t.Reference == paymentId.ToString()));
        Assert.Equal(CheckoutStatus.Paid, (await FindCheckoutAsync(checkout.Id)).Status);
    }

    private async Task<Checkout> CreateCheckoutAsync(decimal amount)
    {
        await using var db = _database.CreateDbContext();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        var checkout = Checkout.Create(merchant,
            new CheckoutRequest(amount, "CNY", "Crash test order", DateTimeOffset.UtcNow.AddHours(1), "T-CRASH"), DateTimeOffset.UtcNow);
        db.Checkouts.Add(checkout);
        await db.SaveChangesAsync();
        return checkout;
    }

    private async Task<Payment> FindPaymentAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<Checkout> FindCheckoutAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private SandboxBankDbContext OpenBank() => new(new DbContextOptionsBuilder<SandboxBankDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_dataDirectory, "sandbox-bank.db")};Pooling=False").Options);

    private static async Task<Guid> WaitAsync(Func<Task<Guid?>> probe)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The expected state was not reached in time.");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class CrashRecoveryOnSqliteTests(BrowserAppFixture fixture) : CrashRecoveryTests(fixture, DatabaseProvider.Sqlite);

[Collection(BrowserCollection.Name)]
public sealed class CrashRecoveryOnPostgresTests(BrowserAppFixture fixture) : CrashRecoveryTests(fixture, DatabaseProvider.Postgres);
