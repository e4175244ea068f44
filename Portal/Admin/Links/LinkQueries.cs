using Microsoft.EntityFrameworkCore;
using Portal.Admin.Paging;
using Portal.Data;
using Portal.Domain.Checkouts;

namespace Portal.Admin.Links;

/// <summary>The payment links of the signed-in staff member's merchant, and only those.</summary>
public sealed class LinkQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, TimeProvider time)
{
    private static readonly KeysetOrder<Checkout> NewestFirst = new(c => c.CreatedAt, c => c.Id);

    /// <summary>
    /// One page of the merchant's links, newest first, read from a key along (MerchantId, CreatedAt, Id), never from
    /// an offset: a merchant with a million links pages as fast as one with ten.
    /// </summary>
    public async Task<LinkPage> ListAsync(PageRequest? page = null, int pageSize = LinkPage.DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkouts = await NewestFirst.PageAsync(LinksOf(db, staff.MerchantId), page ?? PageRequest.Newest,
            Math.Clamp(pageSize, 1, LinkPage.MaxPageSize), c => c, c => new PageKey(c.CreatedAt, c.Id), cancellationToken);
        var now = time.GetUtcNow();
        var rows = checkouts.Rows.Select(c => LinkRow.From(c, now)).ToArray();
        return new LinkPage(new KeysetPage<LinkRow>(rows, checkouts.Request, checkouts.Newer, checkouts.Older));
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
