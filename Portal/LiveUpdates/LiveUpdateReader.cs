using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.LiveUpdates;

/// <summary>
/// Reads changes told by the bus, or missed while it was down, from the database: what a page shows always comes from
/// a commit, never from a message.
/// </summary>
internal sealed class LiveUpdateReader(IDbContextFactory<PortalDbContext> contexts)
{
    // Kept well under every provider's parameter limit (SQL Server's 2,100) for a list of watched ids.
    private const int Chunk = 500;

    public async Task<List<PaymentSnapshot>> PaymentsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SnapshotsAsync(db.Payments.Where(p => ids.Contains(p.Id)), db, cancellationToken);
    }

    public async Task<List<RefundSnapshot>> RefundsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refunds = await db.Refunds.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return refunds.ConvertAll(r => r.Snapshot());
    }

    /// <summary>Payments watched here with a step recorded at or after <paramref name="since"/>.</summary>
    public async Task<List<PaymentSnapshot>> PaymentsChangedAsync(WatchedIds watched, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new Dictionary<Guid, PaymentSnapshot>();
        foreach (var (ids, byId) in ByKind<Payment>(watched, p => p.Id, p => p.CheckoutId, p => p.MerchantId))
        {
            foreach (var chunk in ids.Chunk(Chunk))
            {
                var changed = await SnapshotsAsync(db.Payments.Where(In(chunk, byId)).Where(ChangedSince(since)), db, cancellationToken);
                changed.ForEach(p => found[p.PaymentId] = p);
            }
        }
        return [.. found.Values];
    }

    /// <summary>Refunds of what is watched here with a step recorded at or after <paramref name="since"/>.</summary>
    public async Task<List<RefundSnapshot>> RefundsChangedAsync(WatchedIds watched, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = new Dictionary<Guid, RefundSnapshot>();
        foreach (var (ids, byId) in ByKind<Refund>(watched, r => r.PaymentId, r => r.CheckoutId, r => r.MerchantId))
        {
            foreach (var chunk in ids.Chunk(Chunk))
            {
                var changed = await db.Refunds.AsNoTracking()
                    .Where(In(chunk, byId))
                    .Where(r => r.RequestedAt >= since || r.ApprovedAt >= since || r.RejectedAt >= since || r.OrderCreatedAt >= since ||
                                r.OrderSentAt >= since || r.RailVerifiedAt >= since || r.ProcessedAt >= since ||
                                r.NotifiedAt >= since || r.FailedAt >= since)
                    .ToListAsync(cancellationToken);
                changed.ForEach(r => found[r.Id] = r.Snapshot());
            }
        }
        return [.. found.Values];
    }

    private static async Task<List<PaymentSnapshot>> SnapshotsAsync(IQueryable<Payment> payments, PortalDbContext db,
        CancellationToken cancellationToken)
    {
        var rows = await (from p in payments.AsNoTracking()
                          join c in db.Checkouts on p.CheckoutId equals c.Id
                          select new { Payment = p, c.Token })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(row => row.Payment.Snapshot(row.Token));
    }

    private static Expression<Func<Payment, bool>> ChangedSince(DateTimeOffset since) =>
        p => p.MethodChosenAt >= since || p.DetailsEnteredAt >= since || p.OrderCreatedAt >= since || p.OrderSentAt >= since ||
             p.PayeeVerifiedAt >= since || p.PayeeProcessedAt >= since || p.NotifiedAt >= since || p.FailedAt >= since;

    private static IEnumerable<(List<Guid> Ids, Expression<Func<T, Guid>> By)> ByKind<T>(WatchedIds watched,
        Expression<Func<T, Guid>> byPayment, Expression<Func<T, Guid>> byCheckout, Expression<Func<T, Guid>> byMerchant)
    {
        yield return (watched.Payments, byPayment);
        yield return (watched.Checkouts, byCheckout);
        yield return (watched.Merchants, byMerchant);
    }

    private static Expression<Func<T, bool>> In<T>(Guid[] ids, Expression<Func<T, Guid>> by) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ids), by.Body),
            by.Parameters);
}
