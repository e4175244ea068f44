using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// The refunds of the signed-in staff member's merchant. Every query starts from <see cref="RefundsOf"/> (or the
/// merchant's payments), so a refund of another merchant reads exactly like one that does not exist.
/// </summary>
public sealed class RefundQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    /// <summary>A payment's refunds, newest first, with what is left to refund; null for a payment not of this merchant.</summary>
    public async Task<PaymentRefunds?> ForPaymentAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payment = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == paymentId && p.MerchantId == staff.MerchantId, cancellationToken);
        if (payment is null)
        {
            return null;
        }
        var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == staff.MerchantId, cancellationToken);
        var refunds = await RefundsOf(db, staff.MerchantId)
            .Where(r => r.PaymentId == paymentId)
            .OrderByDescending(r => r.RequestedAt)
            .ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var viewer = staff.AsActor();
        return new PaymentRefunds(payment.Id, payment.Status, payment.Refundable, payment.Refunded,
            merchant.RefundApprovalThreshold, merchant.RefundWindowDays,
            refunds.Select(r => RefundView.From(r, viewer)).ToArray());
    }

    /// <summary>One page of the merchant's refunds, newest first, filtered in the database.</summary>
    public async Task<RefundList> ListAsync(RefundListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refunds = RefundsOf(db, staff.MerchantId);
        if (query.Status is { } status)
        {
            refunds = refunds.Where(r => r.Status == status);
        }
        if (query.Start is { } start)
        {
            refunds = refunds.Where(r => r.RequestedAt >= start);
        }
        if (query.End is { } end)
        {
            refunds = refunds.Where(r => r.RequestedAt < end);
        }
        var total = await refunds.CountAsync(cancellationToken);
        var page = await refunds
            .OrderByDescending(r => r.RequestedAt)
            .ThenByDescending(r => r.Id)
            .Skip(query.PageIndex * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var viewer = staff.AsActor();
        return new RefundList(page.Select(r => RefundView.From(r, viewer)).ToArray(), total);
    }

    /// <summary>The refunds waiting for a second approver, oldest first: the queue is worked from the front.</summary>
    public async Task<IReadOnlyList<RefundView>> PendingApprovalAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await RefundsOf(db, staff.MerchantId)
            .Where(r => r.Status == RefundStatus.PendingApproval)
            .OrderBy(r => r.RequestedAt)
            .ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var viewer = staff.AsActor();
        return pending.Select(r => RefundView.From(r, viewer)).ToArray();
    }

    /// <summary>How many refunds wait for a second approver: the nav menu's badge.</summary>
    public async Task<int> CountPendingApprovalAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RefundsOf(db, staff.MerchantId).CountAsync(r => r.Status == RefundStatus.PendingApproval, cancellationToken);
    }

    private static IQueryable<Refund> RefundsOf(PortalDbContext db, Guid merchantId) =>
        db.Refunds.AsNoTracking().Where(r => r.MerchantId == merchantId);
}
