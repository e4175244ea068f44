using Microsoft.EntityFrameworkCore;
using Portal.Addresses;
using Portal.Api.Lists;
using Portal.Api.Resources;
using Portal.Data;
using Portal.Domain.Checkouts;

namespace Portal.Api.Checkouts;

/// <summary>The checkouts of the calling key's merchant, and only those: every query starts from <see cref="CheckoutsOf"/>.</summary>
public sealed class CheckoutApiQueries(IDbContextFactory<PortalDbContext> contexts, PublicAddresses addresses, TimeProvider time)
{
    public async Task<CheckoutResource?> FindAsync(Guid merchantId, Guid checkoutId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkout = await CheckoutsOf(db, merchantId).SingleOrDefaultAsync(c => c.Id == checkoutId, cancellationToken);
        return checkout is null ? null : CheckoutResource.From(checkout, addresses.Default, time.GetUtcNow());
    }

    public async Task<ListResource<CheckoutResource>> ListAsync(Guid merchantId, CheckoutListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkouts = CheckoutsOf(db, merchantId);
        // "Expired" is read, not only stored: an open checkout past its expiry is expired before the job closes it.
        checkouts = filter.Status switch
        {
            CheckoutStatus.Open => checkouts.Where(c => c.Status == CheckoutStatus.Open && c.ExpiresAt > now),
            CheckoutStatus.Expired => checkouts.Where(c => c.Status == CheckoutStatus.Expired || (c.Status == CheckoutStatus.Open && c.ExpiresAt <= now)),
            { } status => checkouts.Where(c => c.Status == status),
            null => checkouts,
        };
        if (filter.Reference is { } reference)
        {
            checkouts = checkouts.Where(c => c.MerchantReference == reference);
        }
        if (filter.Page.CreatedFrom is { } from)
        {
            checkouts = checkouts.Where(c => c.CreatedAt >= from);
        }
        if (filter.Page.CreatedTo is { } to)
        {
            checkouts = checkouts.Where(c => c.CreatedAt < to);
        }
        if (filter.Page.Cursor is { } after)
        {
            checkouts = checkouts.Where(c => c.CreatedAt < after.CreatedAt || (c.CreatedAt == after.CreatedAt && c.Id < after.Id));
        }
        var page = await checkouts
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(filter.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        var hasMore = page.Count > filter.Page.Limit;
        var shown = page.Take(filter.Page.Limit).ToList();
        return ListResource<CheckoutResource>.Of(
            shown.Select(c => CheckoutResource.From(c, addresses.Default, now)).ToList(),
            hasMore,
            hasMore ? new ListCursor(shown[^1].CreatedAt, shown[^1].Id).ToString() : null);
    }

    /// <summary>What a checkout created without expiry or methods takes: the merchant's defaults, as the new-link page.</summary>
    public async Task<(TimeSpan Lifetime, PaymentMethods Methods)> FindDefaultsAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var merchant = await db.Merchants.AsNoTracking()
            .Where(m => m.Id == merchantId)
            .Select(m => new { m.DefaultLinkLifetime, m.DefaultPaymentMethods })
            .SingleAsync(cancellationToken);
        return (merchant.DefaultLinkLifetime, merchant.DefaultPaymentMethods);
    }

    private static IQueryable<Checkout> CheckoutsOf(PortalDbContext db, Guid merchantId) =>
        db.Checkouts.AsNoTracking().Where(c => c.MerchantId == merchantId);
}
