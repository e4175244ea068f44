using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Payments;

/// <summary>
/// Two instances on one database, one rail; the reconciler's lease is held by a third instance that then dies (its row
/// stays, unrenewed). A payment left between steps 4 and 6 waits for the lease to lapse on the database's clock, then
/// one of the two finishes it, with the one debit that happened.
/// </summary>
public abstract class ReconcilerLeaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["SandboxBank:LostResponseRate"] = "1",
        ["SandboxBank:LostResponseDelay"] = "00:00:20",
        ["Rail:Timeout"] = "00:00:01",
        ["Payments:ReconcileAfter"] = "00:00:00.200",
        ["Reconciler:Interval"] = "00:00:00.250",
        ["WorkLeases:Duration"] = "00:00:01",
    };

    private readonly PortalApp _first = new(Settings, provider: provider);
    private PortalApp _second = default!;

    public Task InitializeAsync()
    {
        var rail = _first.BaseAddress;
        var configuration = _first.Services.GetRequiredService<IConfiguration>();
        // The second instance on the first one's database and rail (its bank), as two instances behind one proxy.
        _second = new PortalApp(new Dictionary<string, string?>(Settings)
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Portal"] = configuration.GetConnectionString("Portal")
                ?? $"Data Source={Path.Combine(_first.DataDirectory, "portal.db")}",
            ["Rail:BaseUrl"] = rail.ToString(),
        });
        _ = _second.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task PayRealTime_LeaseHolderDied_PaymentFinishedOnceAfterItLapses()
    {
        var services = _first.Services;
        var dead = await HoldLeaseForAsync("dead-instance", TimeSpan.FromSeconds(3));
        var payer = await BankBook.OpenPayerAsync(services, 50.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 20.00m);
        var flow = services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);

        var answer = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "key-1");
        Assert.Equal(PaymentStep.OrderSent, answer.Step);

        var finished = await WaitForAsync(checkout.Id, p => p.Status == PaymentStatus.Succeeded && p.NotifiedAt is not null);
        await using (var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
        {
            var lease = await db.WorkLeases.AsNoTracking().SingleAsync(l => l.Name == WorkLeases.Reconciler);
            Assert.NotEqual("dead-instance", lease.Holder);
            // Not before the dead instance's lease ran out (both instants on the database's clock).
            Assert.True(lease.ExpiresAt > dead);
        }
        Assert.Equal(50_00 - 20_00, await BankBook.BalanceAsync(services, payer));
        Assert.Equal(1, await BankBook.LedgerTransactionsForAsync(services, finished.Id));
    }

    // The row a holder leaves when it dies: its name, its expiry, no more renewals.
    private async Task<DateTimeOffset> HoldLeaseForAsync(string holder, TimeSpan duration)
    {
        await using var db = _first.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var until = await db.GetDatabaseNowAsync() + duration;
        var updated = await db.WorkLeases.Where(l => l.Name == WorkLeases.Reconciler)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until));
        if (updated == 0)
        {
            db.WorkLeases.Add(new WorkLease { Name = WorkLeases.Reconciler, Holder = holder, ExpiresAt = until });
            await db.SaveChangesAsync();
        }
        return until;
    }

    private async Task<Payment> WaitForAsync(Guid checkoutId, Func<Payment, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var payment = (await DemoCheckouts.PaymentsOfAsync(_first.Services, checkoutId)).FirstOrDefault(condition);
            if (payment is not null)
            {
                return payment;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The reconciler did not finish the payment in time.");
    }
}

public sealed class ReconcilerLeaseOnSqliteTests() : ReconcilerLeaseTests(DatabaseProvider.Sqlite);

public sealed class ReconcilerLeaseOnPostgresTests() : ReconcilerLeaseTests(DatabaseProvider.Postgres);
