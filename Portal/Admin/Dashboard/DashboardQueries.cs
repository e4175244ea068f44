using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Admin.Dashboard;

/// <summary>
/// The signed-in staff member's merchant's figures. Counts and volumes are summed from the running totals in the
/// database (one query, at most 30 days × currencies × statuses rows back); percentiles need the durations themselves, so they are taken in memory
/// over the latest <see cref="DashboardView.SpeedSampleSize"/> succeeded payments per method.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, TimeProvider time)
{
    public async Task<DashboardView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(1 - DashboardView.DayCountWindow);
        var since = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var buckets = await BucketsAsync(db, staff.MerchantId, firstDay, cancellationToken);
        var periods = new[]
        {
            Summarize("Today", buckets.Where(b => b.Day >= today)),
            Summarize("Last 7 days", buckets.Where(b => b.Day >= today.AddDays(-6))),
            Summarize($"Last {DashboardView.DayCountWindow} days", buckets),
        };
        var days = Enumerable.Range(0, DashboardView.DayCountWindow)
            .Select(i => firstDay.AddDays(i))
            .Select(day =>
            {
                var ofDay = buckets.Where(b => b.Day == day).ToArray();
                return new DayCount(day,
                    ofDay.Where(b => b.Status == PaymentStatus.Succeeded).Sum(b => b.Count),
                    ofDay.Where(b => b.Status == PaymentStatus.Failed).Sum(b => b.Count),
                    ofDay.Where(b => b.Status is PaymentStatus.Started or PaymentStatus.Processing).Sum(b => b.Count));
            })
            .ToArray();

        var speeds = new List<MethodSpeed>();
        foreach (var method in Enum.GetValues<PaymentMethod>())
        {
            speeds.AddRange(await SpeedsAsync(db, staff.MerchantId, method, since, cancellationToken));
        }
        return new DashboardView(now, periods, days, speeds);
    }

    // From the running totals (Totals.PaymentDayTotal), kept in the payments' own transactions: a few rows per day
    // and key whatever the traffic, where grouping the payments themselves read every payment of the last 30 days.
    private static async Task<List<Bucket>> BucketsAsync(PortalDbContext db, Guid merchantId, DateOnly firstDay, CancellationToken cancellationToken)
    {
        var rows = await db.PaymentDayTotals.AsNoTracking()
            .Where(t => t.MerchantId == merchantId && t.Day >= firstDay && t.Status != PaymentStatus.Abandoned)
            .GroupBy(t => new { t.Day, t.CurrencyCode, t.Status })
            .Select(g => new
            {
                g.Key.Day, g.Key.CurrencyCode, g.Key.Status,
                Count = g.Sum(t => t.Count), Amount = g.Sum(t => t.AmountMinorUnits), CrossBorder = g.Sum(t => t.CrossBorderCount),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new Bucket(r.Day, r.CurrencyCode, r.Status, (int)r.Count, r.Amount, (int)r.CrossBorder))
            .ToList();
    }

    private static PeriodSummary Summarize(string label, IEnumerable<Bucket> buckets)
    {
        var list = buckets.ToArray();
        var volume = list.Where(b => b.Status == PaymentStatus.Succeeded)
            .GroupBy(b => b.CurrencyCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Money.FromMinorUnits(g.Sum(b => b.Amount), g.Key))
            .ToArray();
        return new PeriodSummary(label, list.Sum(b => b.Count),
            list.Where(b => b.Status == PaymentStatus.Succeeded).Sum(b => b.Count),
            list.Where(b => b.Status == PaymentStatus.Failed).Sum(b => b.Count),
            volume,
            list.Where(b => b.Status == PaymentStatus.Succeeded).Sum(b => b.CrossBorder));
    }

    private static async Task<IEnumerable<MethodSpeed>> SpeedsAsync(PortalDbContext db, Guid merchantId, PaymentMethod method,
        DateTimeOffset since, CancellationToken cancellationToken)
    {
        var samples = await db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == merchantId && p.Method == method && p.Status == PaymentStatus.Succeeded &&
                        p.MethodChosenAt >= since && p.PayeeProcessedAt != null && p.AmountMinorUnits > 0)
            .OrderByDescending(p => p.MethodChosenAt)
            .Take(DashboardView.SpeedSampleSize)
            .Select(p => new { p.CurrencyCode, p.AmountMinorUnits, p.MethodChosenAt, p.PayeeProcessedAt })
            .ToListAsync(cancellationToken);
        return samples
            .GroupBy(s => s.CurrencyCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var durations = g.Select(s => s.PayeeProcessedAt!.Value - s.MethodChosenAt).Order().ToArray();
                var per100 = g.Select(s => SecondsPer100(s.PayeeProcessedAt!.Value - s.MethodChosenAt, Money.FromMinorUnits(s.AmountMinorUnits, s.CurrencyCode)))
                    .Order().ToArray();
                return new MethodSpeed(method, g.Key, durations.Length,
                    Percentiles.Of(durations, 50)!.Value, Percentiles.Of(durations, 95)!.Value,
                    Percentiles.Of(per100, 50)!.Value, Percentiles.Of(per100, 95)!.Value);
            });
    }

    /// <summary>Payment time ÷ amount × 100: seconds per 100 units of the currency.</summary>
    public static decimal SecondsPer100(TimeSpan duration, Money amount) =>
        decimal.Round((decimal)Math.Max(0, duration.Ticks) / TimeSpan.TicksPerSecond / amount.Amount * 100m, 4);

    private sealed record Bucket(DateOnly Day, string CurrencyCode, PaymentStatus Status, int Count, long Amount, int CrossBorder);
}
