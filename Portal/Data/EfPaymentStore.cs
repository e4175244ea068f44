using Microsoft.EntityFrameworkCore;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Webhooks;

namespace Portal.Data;

/// <summary>
/// The domain's unit of work on one DbContext; version tokens turn a lost race into a ConcurrencyConflictException.
/// Each save carries the webhook events of the results it records (<see cref="WebhookOutbox"/>), in the same transaction.
/// </summary>
internal sealed class EfPaymentStore(PortalDbContext db, SqliteGroupCommit? commits, WebhookOutbox? outbox = null) : IPaymentStore
{
    public Task<Merchant?> FindMerchantAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Merchants.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public Task<Merchant?> FindMerchantByStoreTokenAsync(string storeToken, CancellationToken cancellationToken = default) =>
        CheckoutToken.IsWellFormed(storeToken)
            ? db.Merchants.FirstOrDefaultAsync(m => m.StoreToken == storeToken, cancellationToken)
            : Task.FromResult<Merchant?>(null);

    public Task<Checkout?> FindCheckoutAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Checkouts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<Checkout?> FindCheckoutByTokenAsync(string token, CancellationToken cancellationToken = default) =>
        CheckoutToken.IsWellFormed(token)
            ? db.Checkouts.FirstOrDefaultAsync(c => c.Token == token, cancellationToken)
            : Task.FromResult<Checkout?>(null);

    public Task<Payment?> FindPaymentAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Payments.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    // Compiled once: every rail result and page action loads its payment this way, and a LINQ query written inline
    // builds its expression tree and looks up EF's query cache on every call.
    private static readonly CompiledQuery<Func<PortalDbContext, Guid, CancellationToken, Task<PaymentAndCheckout?>>> PaymentAndCheckoutById =
        new(() => EF.CompileAsyncQuery((PortalDbContext db, Guid paymentId, CancellationToken _) => (
                from p in db.Payments
                join c in db.Checkouts on p.CheckoutId equals c.Id
                where p.Id == paymentId
                select new PaymentAndCheckout(p, c))
            .FirstOrDefault()));

    public Task<PaymentAndCheckout?> FindPaymentAndCheckoutAsync(Guid paymentId, CancellationToken cancellationToken = default) =>
        PaymentAndCheckoutById.For(db)(db, paymentId, cancellationToken);

    public async Task<IReadOnlyList<PaymentAndCheckout>> FindPaymentsAndCheckoutsAsync(IReadOnlyCollection<Guid> paymentIds,
        CancellationToken cancellationToken = default) =>
        await (from p in db.Payments
               join c in db.Checkouts on p.CheckoutId equals c.Id
               where paymentIds.Contains(p.Id)
               select new PaymentAndCheckout(p, c))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindUnfinishedPaymentsAsync(DateTimeOffset before, int max,
        CancellationToken cancellationToken = default) =>
        await db.Payments
            .Where(p => p.Status == PaymentStatus.Processing && p.OrderCreatedAt < before)
            .OrderBy(p => p.OrderCreatedAt)
            .Select(p => p.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindExpiredCodesAsync(DateTimeOffset now, int max,
        CancellationToken cancellationToken = default) =>
        await db.Payments
            .Where(p => p.Status == PaymentStatus.Started && p.ExpiresAt != null && p.ExpiresAt <= now)
            .OrderBy(p => p.ExpiresAt)
            .Select(p => p.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> FindExpiredCheckoutsAsync(DateTimeOffset now, int max,
        CancellationToken cancellationToken = default) =>
        await db.Checkouts
            .Where(c => c.Status == CheckoutStatus.Open && c.ExpiresAt <= now && c.ReservedByPaymentId == null)
            .OrderBy(c => c.ExpiresAt)
            .Select(c => c.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public Task<Refund?> FindRefundAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Refunds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<Refund?> FindRefundByKeyAsync(Guid merchantId, string idempotencyKey, CancellationToken cancellationToken = default) =>
        db.Refunds.FirstOrDefaultAsync(r => r.MerchantId == merchantId && r.IdempotencyKey == idempotencyKey, cancellationToken);

    public async Task<long> SumRefundsApprovedAtOnceSinceAsync(Guid merchantId, string requestedById, DateTimeOffset since,
        CancellationToken cancellationToken = default) =>
        await db.Refunds
            .Where(r => r.MerchantId == merchantId && r.RequestedById == requestedById && r.RequestedAt >= since &&
                        !r.NeedsApproval && r.Status != RefundStatus.Failed)
            .SumAsync(r => (long?)r.AmountMinorUnits, cancellationToken) ?? 0;

    public async Task<IReadOnlyList<Guid>> FindUnfinishedRefundsAsync(DateTimeOffset before, int max,
        CancellationToken cancellationToken = default) =>
        await db.Refunds
            .Where(r => r.Status == RefundStatus.Processing && r.OrderCreatedAt < before)
            .OrderBy(r => r.OrderCreatedAt)
            .Select(r => r.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

    public void Add(Checkout checkout) => db.Checkouts.Add(checkout);

    public void Add(Refund refund) => db.Refunds.Add(refund);

    public void Add(Payment payment) => db.Payments.Add(payment);

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var events = outbox is null ? null : await outbox.RecordAsync(db, cancellationToken);
        try
        {
            await commits.SaveChangesInTurnAsync(db, cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            Forget(events);
            throw new ConcurrencyConflictException("Another writer changed the same payment or checkout.", ex);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            Forget(events);
            throw new ConcurrencyConflictException("Another writer inserted the same row.", ex);
        }
        catch
        {
            Forget(events);
            throw;
        }
        if (events is not null)
        {
            outbox!.Committed();
        }
    }

    // A save that failed must not leave its events tracked for a later save of the same context.
    private void Forget(List<WebhookEvent>? events)
    {
        if (events is not null)
        {
            WebhookOutbox.Forget(db, events);
        }
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
