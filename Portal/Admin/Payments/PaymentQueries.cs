using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The payments of the signed-in staff member's merchant. Every query starts from <see cref="PaymentsOf"/>, so a
/// payment of another merchant reads exactly like one that does not exist.
/// </summary>
public sealed class PaymentQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    public async Task<PaymentPage> ListAsync(PaymentListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payments = PaymentsOf(db, staff.MerchantId);
        if (!query.IncludeAbandoned)
        {
            payments = payments.Where(p => p.Status != PaymentStatus.Abandoned);
        }
        var total = await payments.CountAsync(cancellationToken);
        var page = await payments
            .OrderByDescending(p => p.MethodChosenAt)
            .ThenByDescending(p => p.Id)
            .Skip(query.PageIndex * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new PaymentPage(page.Select(PaymentRow.From).ToArray(), total);
    }

    /// <summary>The payment with its checkout, or null when it does not exist or belongs to another merchant.</summary>
    public async Task<PaymentDetail?> FindAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await PaymentsOf(db, staff.MerchantId)
            .Where(p => p.Id == paymentId)
            .Join(db.Checkouts.AsNoTracking().Where(c => c.MerchantId == staff.MerchantId),
                p => p.CheckoutId, c => c.Id, (p, c) => new { Payment = p, Checkout = c })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : PaymentDetail.From(found.Payment, found.Checkout);
    }

    private static IQueryable<Payment> PaymentsOf(PortalDbContext db, Guid merchantId) =>
        db.Payments.AsNoTracking().Where(p => p.MerchantId == merchantId);
}
