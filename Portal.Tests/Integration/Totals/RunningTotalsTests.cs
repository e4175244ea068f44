using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.Time.Testing;
using Portal.Admin.Dashboard;
using Portal.Admin.Reports;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Domain.Refunds;
using Portal.Domain.Reports;
using Portal.Identity;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Totals;

namespace Portal.Tests.Integration.Totals;

/// <summary>
/// The running totals against the rows they count, on a migrated database with a mixed history: both methods, every
/// status, cross-border payments, refunds full, partial, failed and in flight, two merchants. The dashboard and the
/// settlement report read them and must show what the raw queries they replaced showed (kept here as the oracle).
/// </summary>
public abstract class RunningTotalsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TodayStart = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        // Three days of Demo Shop crossing midnights, one 40 days ago, and Other Shop's.
        var demo = await new PaymentHistoryBuilder(_database.Demo).WithCount(80).StartingAt(TodayStart.AddDays(-2), TimeSpan.FromMinutes(50))
            .CrossBorderEvery(4).SaveAsync(_database);
        await new PaymentHistoryBuilder(_database.Demo).WithCount(12).StartingAt(TodayStart.AddDays(-40), TimeSpan.FromHours(3))
            .WithReferencePrefix("OLD-").SaveAsync(_database);
        var other = await new PaymentHistoryBuilder(_database.Other).WithCount(15).StartingAt(TodayStart.AddDays(-1), TimeSpan.FromMinutes(7))
            .CrossBorderEvery(3).SaveAsync(_database);

        await RefundAsync(_database.Demo, demo, i => i % 5 == 0, full: true, RailOrderStatus.Settled);
        await RefundAsync(_database.Demo, demo, i => i % 5 == 1, full: false, RailOrderStatus.Settled);
        await RefundAsync(_database.Demo, demo, i => i % 5 == 2, full: false, RailOrderStatus.Rejected);
        await RefundAsync(_database.Demo, demo, i => i % 5 == 3, full: false, null);
        await RefundAsync(_database.Other, other, i => i % 2 == 0, full: false, RailOrderStatus.Settled);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Check_AfterMixedHistory_AgreesWithRecount()
    {
        Assert.Empty(await TotalsRecount.For(_database).CheckAsync());
    }

    [Fact]
    public async Task Fold_AfterMixedHistory_KeepsOneRowPerKeyAndAgreesWithRecount()
    {
        var before = await SettlementAsync(_database.Demo);

        while (await TotalsCompaction.For(_database, new TotalsOptions { CompactionBatchSize = 7 }).FoldAsync() > 0)
        {
        }

        Assert.Empty(await TotalsRecount.For(_database).CheckAsync());
        await using var db = _database.CreateDbContext();
        Assert.False(await db.PaymentDayTotals.AnyAsync(t => t.Kind == TotalRowKind.Delta));
        Assert.False(await db.SettlementDayTotals.AnyAsync(t => t.Kind == TotalRowKind.Delta));
        var perKey = await db.PaymentDayTotals.GroupBy(t => new { t.MerchantId, t.Day, t.Method, t.CurrencyCode, t.Status })
            .Select(g => g.Count()).ToListAsync();
        Assert.All(perKey, count => Assert.Equal(1, count));
        var after = await SettlementAsync(_database.Demo);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(before.Totals, after.Totals);
    }

    [Fact]
    public async Task Rebuild_AfterTotalsLost_AgreesWithRecountAgain()
    {
        await using (var db = _database.CreateDbContext())
        {
            await db.PaymentDayTotals.Where(t => t.MerchantId == _database.Demo.Id).ExecuteDeleteAsync();
            await db.SettlementDayTotals.Take(3).ExecuteDeleteAsync();
        }
        Assert.NotEmpty(await TotalsRecount.For(_database).CheckAsync());

        await TotalsRecount.For(_database).RebuildAsync();

        Assert.Empty(await TotalsRecount.For(_database).CheckAsync());
        Assert.Equal((await OldSettlementAsync(_database.Demo)).Rows, (await SettlementAsync(_database.Demo)).Rows);
    }

    [Fact]
    public async Task Migrate_DatabaseWithPaymentsButNoTotals_FillsThemFromTheRows()
    {
        await using (var db = _database.CreateDbContext())
        {
            var migrations = db.GetService<IMigrationsAssembly>();
            var ids = migrations.Migrations.Keys.ToList();
            var adding = ids.FindIndex(id => migrations.CreateMigration(migrations.Migrations[id], db.Database.ProviderName!)
                .UpOperations.OfType<CreateTableOperation>().Any(t => t.Name == "PaymentDayTotals"));
            // Back to the schema before the totals, as a database of an older build with its payments, then up again.
            await db.GetService<IMigrator>().MigrateAsync(ids[adding - 1]);
            await db.Database.MigrateAsync();
        }

        Assert.Empty(await TotalsRecount.For(_database).CheckAsync());
        Assert.Equal((await OldSettlementAsync(_database.Demo)).Rows, (await SettlementAsync(_database.Demo)).Rows);
    }

    [Fact]
    public async Task SaveChanges_ConcurrencyConflict_LeavesNoDeltaBehind()
    {
        var paymentId = await FirstInFlightAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var won = await first.Payments.SingleAsync(p => p.Id == paymentId);
        var lost = await second.Payments.SingleAsync(p => p.Id == paymentId);
        won.Fail(FailureReason.Expired, Now);
        await first.SaveChangesAsync();
        var deltasBefore = await CountDeltasAsync();

        lost.Abandon();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        Assert.Empty(second.ChangeTracker.Entries<PaymentDayTotal>());
        Assert.Equal(deltasBefore, await CountDeltasAsync());
        Assert.Empty(await TotalsRecount.For(_database).CheckAsync());
    }

    [Fact]
    public async Task SaveChanges_RetriedAfterConflict_CountsTheChangeOnce()
    {
        var paymentId = await FirstInFlightAsync();
        await using var first = _database.CreateDbContext();
        await using var second = _database.CreateDbContext();
        var won = await first.Payments.SingleAsync(p => p.Id == paymentId);
        var payment = await second.Payments.SingleAsync(p => p.Id == paymentId);
        won.EnterDetails(PaymentBuilder.PayerAccount, "first", Now);
        await first.SaveChangesAsync();
        payment.Abandon();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // Reload and decide again, as the flow does on a conflict.
        await second.Entry(payment).ReloadAsync();
        payment.Fail(FailureReason.Expired, Now);
        await second.SaveChangesAsync();

        Assert.Empty(await TotalsRecount.For(_database).CheckAsync());
    }

    [Fact]
    public async Task Dashboard_FromTotals_SameFiguresAsGroupingPayments()
    {
        foreach (var merchant in new[] { _database.Demo, _database.Other })
        {
            var oracle = await OldBucketsAsync(merchant.Id, TodayStart.AddDays(1 - DashboardView.DayCountWindow));

            var view = await new DashboardQueries(_database, AdminDatabase.StaffOf(merchant), new FakeTimeProvider(Now)).LoadAsync();

            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            foreach (var (period, firstDay) in view.Periods.Zip(new[] { today, today.AddDays(-6), today.AddDays(1 - DashboardView.DayCountWindow) }))
            {
                var buckets = oracle.Where(b => b.Day >= firstDay).ToList();
                Assert.Equal(buckets.Sum(b => b.Count), period.Count);
                Assert.Equal(buckets.Where(b => b.Status == nameof(PaymentStatus.Succeeded)).Sum(b => b.Count), period.Succeeded);
                Assert.Equal(buckets.Where(b => b.Status == nameof(PaymentStatus.Failed)).Sum(b => b.Count), period.Failed);
                Assert.Equal(buckets.Where(b => b.Status == nameof(PaymentStatus.Succeeded)).Sum(b => b.CrossBorder), period.CrossBorderSucceeded);
                Assert.Equal(buckets.Where(b => b.Status == nameof(PaymentStatus.Succeeded)).GroupBy(b => b.CurrencyCode)
                    .Select(g => Money.FromMinorUnits(g.Sum(b => b.Amount), g.Key)), period.Volume);
            }
            foreach (var day in view.Days)
            {
                var ofDay = oracle.Where(b => b.Day == day.Day).ToList();
                Assert.Equal(ofDay.Where(b => b.Status == nameof(PaymentStatus.Succeeded)).Sum(b => b.Count), day.Succeeded);
                Assert.Equal(ofDay.Where(b => b.Status == nameof(PaymentStatus.Failed)).Sum(b => b.Count), day.Failed);
                Assert.Equal(ofDay.Where(b => b.Status is nameof(PaymentStatus.Started) or nameof(PaymentStatus.Processing)).Sum(b => b.Count), day.InFlight);
            }
            Assert.True(view.Periods[2].Count > 0);
        }
    }

    [Fact]
    public async Task SettlementReport_FromTotals_SameRowsAndTotalsAsStreamingPayments()
    {
        foreach (var merchant in new[] { _database.Demo, _database.Other })
        {
            var oracle = await OldSettlementAsync(merchant);

            var report = await SettlementAsync(merchant);

            Assert.Equal(oracle.Rows, report.Rows);
            Assert.Equal(oracle.Totals, report.Totals);
            Assert.Contains(report.Rows, r => r.RefundCount > 0);
            Assert.Contains(report.Rows, r => r.FxPaymentCount > 0);
        }
    }

    [Fact]
    public async Task SettlementReport_PeriodEndingYesterday_LeavesTodayOut()
    {
        var period = ReportPeriod.Create(DateOnly.FromDateTime(TodayStart.AddDays(-3).UtcDateTime), DateOnly.FromDateTime(TodayStart.AddDays(-1).UtcDateTime));

        var report = await new SettlementReports(_database).BuildAsync(StaffOf(_database.Demo), period);

        Assert.Equal((await OldSettlementAsync(_database.Demo, period)).Rows, report.Rows);
        Assert.DoesNotContain(report.Rows, r => r.Day == DateOnly.FromDateTime(TodayStart.UtcDateTime));
    }

    private async Task<(IReadOnlyList<SettlementRow> Rows, IReadOnlyList<SettlementRow> Totals)> SettlementAsync(Merchant merchant)
    {
        var report = await new SettlementReports(_database).BuildAsync(StaffOf(merchant), Period);
        return (report.Rows, report.Totals);
    }

    private static ReportPeriod Period => ReportPeriod.Create(DateOnly.FromDateTime(TodayStart.AddDays(-60).UtcDateTime),
        DateOnly.FromDateTime(TodayStart.AddDays(5).UtcDateTime));

    private static StaffMember StaffOf(Merchant merchant) => new("user", "staff@shop.test", "Staff", merchant.Id, StaffRole.Viewer);

    // The settlement report as it was built before the running totals: every settled payment and refund streamed into the tally.
    private async Task<(IReadOnlyList<SettlementRow> Rows, IReadOnlyList<SettlementRow> Totals)> OldSettlementAsync(Merchant merchant,
        ReportPeriod? period = null)
    {
        var (start, end) = ((period ?? Period).Start, (period ?? Period).End);
        var tally = new SettlementTally();
        await using var db = _database.CreateDbContext();
        foreach (var p in await db.Payments.AsNoTracking()
                     .Where(p => p.MerchantId == merchant.Id && p.Status == PaymentStatus.Succeeded && p.PayeeProcessedAt >= start && p.PayeeProcessedAt < end)
                     .Select(p => new { At = p.PayeeProcessedAt!.Value, p.AmountMinorUnits, p.CurrencyCode, CrossBorder = p.QuoteId != null })
                     .ToListAsync())
        {
            tally.AddPayment(p.At, p.AmountMinorUnits, p.CurrencyCode, p.CrossBorder);
        }
        foreach (var r in await db.Refunds.AsNoTracking()
                     .Where(r => r.MerchantId == merchant.Id && r.Status == RefundStatus.Succeeded && r.ProcessedAt >= start && r.ProcessedAt < end)
                     .Select(r => new { At = r.ProcessedAt!.Value, r.AmountMinorUnits, r.CurrencyCode })
                     .ToListAsync())
        {
            tally.AddRefund(r.At, r.AmountMinorUnits, r.CurrencyCode);
        }
        return (tally.Rows(), tally.Totals());
    }

    // The dashboard's buckets as they were grouped before the running totals, straight from the payments.
    private async Task<List<OldBucket>> OldBucketsAsync(Guid merchantId, DateTimeOffset since)
    {
        await using var db = _database.CreateDbContext();
        var sinceTicks = since.UtcTicks;
        var rows = await db.Database.SqlQuery<OldBucketRow>($"""
            SELECT "MethodChosenAt" / CAST(864000000000 AS BIGINT) AS "Day", "CurrencyCode", "Status",
                   CAST(COUNT(*) AS BIGINT) AS "Count", CAST(SUM("AmountMinorUnits") AS BIGINT) AS "Amount",
                   CAST(SUM(CASE WHEN "QuoteId" IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS "CrossBorder"
            FROM "Payments"
            WHERE "MerchantId" = {merchantId} AND "MethodChosenAt" >= {sinceTicks} AND "Status" <> 'Abandoned'
            GROUP BY "MethodChosenAt" / CAST(864000000000 AS BIGINT), "CurrencyCode", "Status"
            """).ToListAsync();
        return rows.Select(r => new OldBucket(DateOnly.FromDayNumber((int)r.Day), r.CurrencyCode, r.Status, (int)r.Count, r.Amount, (int)r.CrossBorder))
            .ToList();
    }

    private async Task RefundAsync(Merchant merchant, IReadOnlyList<Payment> payments, Func<int, bool> which, bool full, RailOrderStatus? result)
    {
        await using var db = _database.CreateDbContext();
        var tracked = await db.Merchants.SingleAsync(m => m.Id == merchant.Id);
        var manager = new StaffActor(merchant.Id, "manager-id", "Mia Manager", StaffRole.Manager);
        for (var i = 0; i < payments.Count; i++)
        {
            if (!which(i) || payments[i].Status != PaymentStatus.Succeeded)
            {
                continue;
            }
            var payment = await db.Payments.SingleAsync(p => p.Id == payments[i].Id);
            var paidAt = payment.PayeeProcessedAt!.Value;
            var amount = full ? payment.Refundable : Money.FromMinorUnits(1_00 + i, payment.CurrencyCode);
            var refund = payment.RequestRefund(tracked, manager, amount, RefundReason.Returned, null, $"refund-{merchant.Id:N}-{i}-{full}", paidAt.AddHours(1));
            db.Refunds.Add(refund);
            if (result is { } status)
            {
                // Settled a day after the payment, or the same day: a refund counts on the day its money went back.
                var settledAt = paidAt.AddHours(i % 2 == 0 ? 25 : 1);
                refund.CreateOrder(paidAt.AddHours(1));
                refund.MarkSent(paidAt.AddHours(1));
                refund.RecordRailResult(new RailResult(refund.OrderId, status, status == RailOrderStatus.Rejected ? FailureReason.InsufficientFunds : null,
                    settledAt, settledAt, null), settledAt);
                if (status == RailOrderStatus.Settled)
                {
                    payment.SettleRefund(refund);
                }
                else
                {
                    payment.ReleaseRefund(refund);
                }
            }
        }
        await db.SaveChangesAsync();
    }

    private async Task<Guid> FirstInFlightAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Payments.Where(p => p.MerchantId == _database.Demo.Id && p.Status == PaymentStatus.Started)
            .OrderBy(p => p.MethodChosenAt).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> CountDeltasAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.PaymentDayTotals.CountAsync() + await db.SettlementDayTotals.CountAsync();
    }

    private sealed record OldBucket(DateOnly Day, string CurrencyCode, string Status, int Count, long Amount, int CrossBorder);

    private sealed class OldBucketRow
    {
        public long Day { get; set; }

        public string CurrencyCode { get; set; } = "";

        public string Status { get; set; } = "";

        public long Count { get; set; }

        public long Amount { get; set; }

        public long CrossBorder { get; set; }
    }
}

public sealed class RunningTotalsOnSqliteTests() : RunningTotalsTests(DatabaseProvider.Sqlite);

public sealed class RunningTotalsOnPostgresTests() : RunningTotalsTests(DatabaseProvider.Postgres);
