using Microsoft.EntityFrameworkCore;
using Portal.Api.Lists;
using Portal.Api.Resources;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Api.Payments;

/// <summary>
/// The payments of the calling key's merchant, and only those: every query starts from <see cref="PaymentsOf"/>, and
/// their checkouts are read with the same merchant filter. A payment's creation time is when its method was chosen.
/// </summary>
public sealed class PaymentApiQueries(IDbContextFactory<PortalDbContext> contexts)
{
    public async Task<PaymentResource?> FindAsync(Guid merchantId, Guid paymentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payment = await PaymentsOf(db, merchantId).SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null)
        {
            return null;
        }
        var checkouts = await CheckoutsAsync(db, merchantId, [payment.CheckoutId], cancellationToken);
        return ResourceOf(payment, checkouts);
    }

    public async Task<ListResource<PaymentResource>> ListAsync(Guid merchantId, PaymentListFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payments = PaymentsOf(db, merchantId);
        if (filter.Status is { } status)
        {
            payments = payments.Where(p => p.Status == status);
        }
        if (filter.Method is { } method)
        {
            payments = payments.Where(p => p.Method == method);
        }
        if (filter.CheckoutId is { } checkoutId)
        {
            payments = payments.Where(p => p.CheckoutId == checkoutId);
        }
        if (filter.Page.CreatedFrom is { } from)
        {
            payments = payments.Where(p => p.MethodChosenAt >= from);
        }
        if (filter.Page.CreatedTo is { } to)
        {
            payments = payments.Where(p => p.MethodChosenAt < to);
        }
        if (filter.Page.Cursor is { } after)
        {
            payments = payments.Where(p => p.MethodChosenAt < after.CreatedAt || (p.MethodChosenAt == after.CreatedAt && p.Id < after.Id));
        }
        var page = await payments
            .OrderByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id)
            .Take(filter.Page.Limit + 1)
            .ToListAsync(cancellationToken);
        var hasMore = page.Count > filter.Page.Limit;
        var shown = page.Take(filter.Page.Limit).ToList();
        var checkouts = await CheckoutsAsync(db, merchantId, shown.Select(p => p.CheckoutId).Distinct().ToArray(), cancellationToken);
        return ListResource<PaymentResource>.Of(
            shown.Select(p => ResourceOf(p, checkouts)).ToList(),
            hasMore,
            hasMore ? new ListCursor(shown[^1].MethodChosenAt, shown[^1].Id).ToString() : null);
    }

    private static PaymentResource ResourceOf(Payment payment, Dictionary<Guid, (string Token, string? Reference)> checkouts)
    {
        var (token, reference) = checkouts[payment.CheckoutId];
        return PaymentResource.From(payment, token, reference);
    }

    // The page's tokens and references in one small query, as the admin list does, rather than a join every filter carries.
    private static async Task<Dictionary<Guid, (string Token, string? Reference)>> CheckoutsAsync(PortalDbContext db, Guid merchantId,
        Guid[] checkoutIds, CancellationToken cancellationToken) =>
        (await db.Checkouts.AsNoTracking()
            .Where(c => c.MerchantId == merchantId && checkoutIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Token, c.MerchantReference })
            .ToListAsync(cancellationToken))
        .ToDictionary(c => c.Id, c => (c.Token, c.MerchantReference));

    private static IQueryable<Payment> PaymentsOf(PortalDbContext db, Guid merchantId) =>
        db.Payments.AsNoTracking().Where(p => p.MerchantId == merchantId);
}
