using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Totals;

namespace Portal.Tests.Integration.Totals;

/// <summary>
/// The running totals of the real app while payments and refunds run in parallel through the real flow and rail, and
/// the deltas are folded at the same time, by the app's own background round and by the test: the totals agree with
/// a recount of the rows, during the writes' aftermath and after everything is folded.
/// </summary>
public abstract class ConcurrentTotalsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Payers = 24;
    private PortalApp _app = default!;

    public Task InitializeAsync()
    {
        _app = new PortalApp(new Dictionary<string, string?>
        {
            // Small rounds, often: folding runs in the middle of the writes rather than after them.
            ["Totals:CompactionInterval"] = "00:00:00.200",
            ["Totals:CompactionBatchSize"] = "5",
        }, provider: provider);
        _ = _app.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Check_AfterConcurrentPaymentsRefundsAndFolding_AgreesWithRecount()
    {
        var services = _app.Services;
        var compaction = services.GetRequiredService<TotalsCompaction>();
        using var writing = new CancellationTokenSource();
        var folding = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await FoldAsync(compaction);
            }
        });

        var attempts = await Task.WhenAll(Enumerable.Range(0, Payers).Select(i => Task.Run(() => DemoPayments.AttemptAsync(services,
            10.00m + i, payerBalance: i % 6 == 5 ? 1.00m : 10_000m, method: i % 4 == 0 ? PaymentMethod.Fast : PaymentMethod.RealTime))));
        var paid = new List<Guid>();
        foreach (var (payment, _) in attempts)
        {
            var status = payment.Status;
            if (status == PaymentStatus.Processing && payment.Method == PaymentMethod.RealTime)
            {
                // On a loaded machine the bank's answer can outlast the rail's timeout: the reconciler finishes the payment.
                await Eventually.HoldsAsync(async () =>
                    (status = (await DemoPayments.ReloadAsync(services, payment.PaymentId)).Status) != PaymentStatus.Processing);
            }
            if (status == PaymentStatus.Succeeded)
            {
                paid.Add(payment.PaymentId);
            }
        }
        var manager = await DemoPayments.StaffAsync(services, StaffRole.Manager);
        var refunds = services.GetRequiredService<RefundFlow>();
        // Two refunds of each paid payment at once: the payment's version makes one of a pair lose now and then.
        await Task.WhenAll(paid.SelectMany(p => new[] { "2.00", "3.00" }.Select(amount => Task.Run(async () =>
        {
            try
            {
                await refunds.RequestAsync(manager, p, new RefundRequest(amount, RefundReason.Returned, null, Guid.NewGuid().ToString("N")));
            }
            catch (Exception ex) when (ex is ConcurrencyConflictException or DomainException)
            {
            }
        }))));
        await writing.CancelAsync();
        await folding;

        Assert.True(paid.Count >= Payers / 2, $"{paid.Count} of {Payers} payments succeeded");
        var recount = services.GetRequiredService<TotalsRecount>();
        Assert.Empty(await recount.CheckAsync());
        while (await FoldAsync(compaction) != 0)
        {
        }
        Assert.Empty(await recount.CheckAsync());
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.True(await db.SettlementDayTotals.AnyAsync(t => t.RefundCount > 0));
    }

    // One round; -1 when the app's own round folded some of the same rows first and this one rolled back, as it must.
    private static async Task<int> FoldAsync(TotalsCompaction compaction)
    {
        try
        {
            return await compaction.FoldAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return -1;
        }
    }
}

public sealed class ConcurrentTotalsOnSqliteTests() : ConcurrentTotalsTests(DatabaseProvider.Sqlite);

public sealed class ConcurrentTotalsOnPostgresTests() : ConcurrentTotalsTests(DatabaseProvider.Postgres);
