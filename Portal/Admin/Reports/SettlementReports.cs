using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
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
/// Rows stream from the database into <see cref="SettlementTally"/>, so a year of payments is never held in memory.
/// </remarks>
public sealed class SettlementReports(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<SettlementReport> BuildAsync(StaffMember staff, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(period);
        var (start, end) = (period.Start, period.End);
        var tally = new SettlementTally();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var payments = db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == staff.MerchantId && p.Status == PaymentStatus.Succeeded &&
                        p.PayeeProcessedAt >= start && p.PayeeProcessedAt < end)
            .Select(p => new { At = p.PayeeProcessedAt!.Value, p.AmountMinorUnits, p.CurrencyCode, CrossBorder = p.QuoteId != null })
            .AsAsyncEnumerable();
        await foreach (var payment in payments.WithCancellation(cancellationToken))
        {
            tally.AddPayment(payment.At, payment.AmountMinorUnits, payment.CurrencyCode, payment.CrossBorder);
        }

        var refunds = db.Refunds.AsNoTracking()
            .Where(r => r.MerchantId == staff.MerchantId && r.Status == RefundStatus.Succeeded &&
                        r.ProcessedAt >= start && r.ProcessedAt < end)
            .Select(r => new { At = r.ProcessedAt!.Value, r.AmountMinorUnits, r.CurrencyCode })
            .AsAsyncEnumerable();
        await foreach (var refund in refunds.WithCancellation(cancellationToken))
        {
            tally.AddRefund(refund.At, refund.AmountMinorUnits, refund.CurrencyCode);
        }

        return new SettlementReport(period, tally.Rows(), tally.Totals());
    }
}
