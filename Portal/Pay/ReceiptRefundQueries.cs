using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Refunds;

namespace Portal.Pay;

/// <summary>
/// The refunds a customer sees on their receipt: those on their way and those done. Waiting for approval, rejected or
/// failed refunds are the merchant's business (no money moved) and stay off the customer's page.
/// </summary>
public sealed class ReceiptRefundQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<IReadOnlyList<RefundSnapshot>> FindAsync(Guid checkoutId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking()
            .Where(r => r.CheckoutId == checkoutId && (r.Status == RefundStatus.Processing || r.Status == RefundStatus.Succeeded))
            .OrderBy(r => r.RequestedAt)
            .ToListAsync(cancellationToken);
        return refunds.Select(r => r.Snapshot()).ToList();
    }

    public static bool IsShownToCustomer(RefundSnapshot refund) =>
        refund.Status is RefundStatus.Processing or RefundStatus.Succeeded;
}
