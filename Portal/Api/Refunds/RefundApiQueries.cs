using Microsoft.EntityFrameworkCore;
using Portal.Api.Resources;
using Portal.Data;

namespace Portal.Api.Refunds;

/// <summary>The refunds of the calling key's merchant, and only those.</summary>
public sealed class RefundApiQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<RefundResource?> FindAsync(Guid merchantId, Guid refundId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refund = await db.Refunds.AsNoTracking()
            .SingleOrDefaultAsync(r => r.MerchantId == merchantId && r.Id == refundId, cancellationToken);
        return refund is null ? null : RefundResource.From(refund);
    }
}
