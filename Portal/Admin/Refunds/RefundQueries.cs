using Microsoft.EntityFrameworkCore;
using Portal.Admin.Paging;
using Portal.Data;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// The refunds of the signed-in staff member's merchant. Every query starts from <see cref="RefundsOf"/> (or the
/// merchant's payments), so a refund of another merchant reads exactly like one that does not exist.
/// </summary>
public sealed class RefundQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    /// <summary>The most refunds the approvals page shows at once, oldest first: the queue is worked from the front.</summary>
    public const int MaxPendingShown = 100;

    private static readonly KeysetOrder<Refund> NewestFirst = new(r => r.RequestedAt, r => r.Id);

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

    /// <summary>
    /// One page of the merchant's refunds, newest first, filtered in the database and read from a key, never an
    /// offset: (MerchantId, RequestedAt, Id) and (MerchantId, Status, RequestedAt, Id) serve every filter.
    /// </summary>
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
        var count = await KeysetOrder<Refund>.CountAsync(refunds, cancellationToken);
        var page = await NewestFirst.PageAsync(refunds, query.Page ?? PageRequest.Newest,
            Math.Clamp(query.PageSize, 1, RefundListQuery.MaxPageSize), r => r, r => new PageKey(r.RequestedAt, r.Id), cancellationToken);
        var viewer = staff.AsActor();
        var rows = page.Rows.Select(r => RefundView.From(r, viewer)).ToArray();
        return new RefundList(new KeysetPage<RefundView>(rows, page.Request, page.Newer, page.Older), count);
    }

    /// <summary>
    /// The refunds waiting for a second approver, oldest first (the queue is worked from the front), at most
    /// <see cref="MaxPendingShown"/>: a queue longer than that is read a screen at a time as it is worked.
    /// </summary>
    public async Task<IReadOnlyList<RefundView>> PendingApprovalAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await RefundsOf(db, staff.MerchantId)
            .Where(r => r.Status == RefundStatus.PendingApproval)
            .OrderBy(r => r.RequestedAt)
            .ThenBy(r => r.Id)
            .Take(MaxPendingShown)
            .ToListAsync(cancellationToken);
        var viewer = staff.AsActor();
        return pending.Select(r => RefundView.From(r, viewer)).ToArray();
    }

    /// <summary>How many refunds wait for a second approver: the nav menu's badge, read from (MerchantId, Status, …) alone.</summary>
    public async Task<int> CountPendingApprovalAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RefundsOf(db, staff.MerchantId).CountAsync(r => r.Status == RefundStatus.PendingApproval, cancellationToken);
    }

    private static IQueryable<Refund> RefundsOf(PortalDbContext db, Guid merchantId) =>
        db.Refunds.AsNoTracking().Where(r => r.MerchantId == merchantId);
}
