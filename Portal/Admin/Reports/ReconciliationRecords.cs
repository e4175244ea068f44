using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Reconciliation;
using Portal.Domain.Refunds;

namespace Portal.Admin.Reports;

/// <summary>Portal's side of a reconciliation: the merchant's orders of a window, as the matching reads them.</summary>
public static class ReconciliationRecords
{
    /// <summary>
    /// Every order Portal sent to the rail in [<paramref name="from"/>, <paramref name="to"/>): those with an order
    /// created (step 3). Attempts that never got that far never reached the bank and have nothing to reconcile.
    /// Read along (MerchantId, OrderCreatedAt) of payments and refunds, projected to the five columns matching needs.
    /// </summary>
    public static async Task<List<PortalOrderRecord>> ReadAsync(PortalDbContext db, Guid merchantId,
        DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == merchantId && p.OrderCreatedAt >= from && p.OrderCreatedAt < to)
            .Select(p => new { p.Id, p.AmountMinorUnits, p.CurrencyCode, p.Status, At = p.OrderCreatedAt!.Value })
            .ToListAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => r.MerchantId == merchantId && r.OrderCreatedAt >= from && r.OrderCreatedAt < to)
            .Select(r => new { r.Id, r.AmountMinorUnits, r.CurrencyCode, r.Status, At = r.OrderCreatedAt!.Value })
            .ToListAsync(cancellationToken);

        return payments
            .Select(p => new PortalOrderRecord(p.Id, OrderKind.Payment, Money.FromMinorUnits(p.AmountMinorUnits, p.CurrencyCode),
                p.Status.ToString(), OutcomeOf(p.Status), p.At))
            .Concat(refunds.Select(r => new PortalOrderRecord(r.Id, OrderKind.Refund,
                Money.FromMinorUnits(r.AmountMinorUnits, r.CurrencyCode), Refunds.RefundNames.Of(r.Status), OutcomeOf(r.Status), r.At)))
            .ToList();
    }

    private static RecordedOutcome OutcomeOf(PaymentStatus status) => status switch
    {
        PaymentStatus.Succeeded => RecordedOutcome.Settled,
        PaymentStatus.Processing => RecordedOutcome.InFlight,
        _ => RecordedOutcome.NotMoved,
    };

    private static RecordedOutcome OutcomeOf(RefundStatus status) => status switch
    {
        RefundStatus.Succeeded => RecordedOutcome.Settled,
        RefundStatus.Processing or RefundStatus.PendingApproval => RecordedOutcome.InFlight,
        _ => RecordedOutcome.NotMoved,
    };
}
