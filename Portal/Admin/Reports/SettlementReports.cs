using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Reports;
using Portal.Identity;

namespace Portal.Admin.Reports;

/// <summary>
/// The daily settlement report. The merchant is always the signed-in staff member's (from <see cref="CurrentStaff"/> in
/// a circuit, from the request's user at the CSV endpoint), never a parameter of its own.
/// </summary>
/// <remarks>
/// A payment counts on the day the bank settled it (step 6), a refund on the day its money went back: that is when
/// the settlement account moved, so the report adds up to what the bank's statement shows for the same days.
/// The figures come from the running totals (<see cref="Portal.Totals.SettlementDayTotal"/>), kept in the same transactions
/// as the payments and refunds they count: a year's report reads a few rows per day, not a year of payments.
/// </remarks>
public sealed class SettlementReports(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<SettlementReport> BuildAsync(StaffMember staff, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(period);
        var tally = new SettlementTally();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var days = await db.SettlementDayTotals.AsNoTracking()
            .Where(t => t.MerchantId == staff.MerchantId && t.Day >= period.From && t.Day <= period.To)
            .GroupBy(t => new { t.Day, t.CurrencyCode })
            .Select(g => new
            {
                g.Key.Day, g.Key.CurrencyCode,
                PaymentCount = g.Sum(t => t.PaymentCount), Gross = g.Sum(t => t.GrossMinorUnits),
                FxPaymentCount = g.Sum(t => t.FxPaymentCount), FxVolume = g.Sum(t => t.FxVolumeMinorUnits),
                RefundCount = g.Sum(t => t.RefundCount), Refunds = g.Sum(t => t.RefundsMinorUnits),
            })
            .ToListAsync(cancellationToken);
        // A day without any settlement has no row, whatever rows of it the totals hold.
        foreach (var day in days.Where(d => d.PaymentCount != 0 || d.RefundCount != 0))
        {
            tally.AddDay(day.Day, day.CurrencyCode, checked((int)day.PaymentCount), day.Gross, checked((int)day.FxPaymentCount),
                day.FxVolume, checked((int)day.RefundCount), day.Refunds);
        }

        return new SettlementReport(period, tally.Rows(), tally.Totals());
    }
}
