using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;

namespace Portal.Admin.Links;

/// <summary>The payment links of the signed-in staff member's merchant, and only those.</summary>
public sealed class LinkQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, TimeProvider time)
{
    public async Task<LinkPage> ListAsync(int pageIndex, int pageSize = LinkPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = LinksOf(db, staff.MerchantId);
        var total = await links.CountAsync(cancellationToken);
        var page = await links
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Id)
            .Skip(pageIndex * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return new LinkPage(page.Select(c => LinkRow.From(c, now)).ToArray(), total);
    }

    /// <summary>The link, or null when it does not exist or belongs to another merchant.</summary>
    public async Task<LinkRow?> FindAsync(Guid checkoutId, CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkout = await LinksOf(db, staff.MerchantId).FirstOrDefaultAsync(c => c.Id == checkoutId, cancellationToken);
        return checkout is null ? null : LinkRow.From(checkout, time.GetUtcNow());
    }

    /// <summary>What new links start with, and the store QR code's token when it is on, for the signed-in staff member's merchant.</summary>
    public async Task<MerchantLinkSettings> FindSettingsAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Merchants.AsNoTracking()
            .Where(m => m.Id == staff.MerchantId)
            .Select(m => new MerchantLinkSettings(m.Name, m.CurrencyCode, m.DefaultLinkLifetime, m.DefaultPaymentMethods, m.StoreToken, m.StoreCodeOffSince != null))
            .SingleAsync(cancellationToken);
    }

    /// <summary>The merchant's logo address for printed sheets, or null when it has none.</summary>
    public async Task<string?> FindLogoUrlAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var uploadedAt = await db.Merchants.AsNoTracking()
            .Where(m => m.Id == staff.MerchantId)
            .Select(m => m.LogoUpdatedAt)
            .SingleAsync(cancellationToken);
        return Branding.LogoUrls.Of(staff.MerchantId, uploadedAt);
    }

    private static IQueryable<Checkout> LinksOf(PortalDbContext db, Guid merchantId) =>
        db.Checkouts.AsNoTracking().Where(c => c.MerchantId == merchantId);
}
