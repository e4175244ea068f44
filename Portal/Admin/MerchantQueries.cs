using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Admin;

/// <summary>Reads the current staff member's own merchant; there is no way to ask for another.</summary>
public sealed class MerchantQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    public async Task<MerchantSummary?> FindCurrentAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.FindAsync();
        if (staff is null)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Merchants.AsNoTracking()
            .Where(m => m.Id == staff.MerchantId)
            .Select(m => new MerchantSummary(m.Id, m.Name, m.CurrencyCode))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
