using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Addresses;
using Portal.Api.Resources;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Webhooks;

/// <summary>
/// Writes webhook events into the outbox inside the unit of work that causes them: just before the payment store
/// saves, it looks at the tracked checkouts, payments and refunds whose status is changing into a final one and adds
/// an event row for each to the same SaveChanges, so the event commits with the change or not at all. The domain knows
/// nothing of webhooks and no path can forget one. An event that no enabled endpoint of its merchant subscribes to is
/// not written: nobody would ever receive it, and on the busiest path (a fast payment's callback) writing, serialising
/// and fanning out two such events cost more than a tenth of the callback. Cost per save that finishes something: a
/// walk over the few tracked entries, one small query for the merchant's subscriptions, one insert per wanted event.
/// </summary>
/// <remarks>
/// An endpoint enabled while a result is being saved may miss that one result's event, as if it had been enabled a
/// moment later; the dispatcher's fan-out decides again, from the endpoints enabled when it runs, who gets what was
/// written.
/// </remarks>
public sealed class WebhookOutbox(PublicAddresses addresses, TimeProvider time, WebhookSignal signal)
{
    private static readonly CompiledQuery<Func<PortalDbContext, Guid, IAsyncEnumerable<string>>> SubscriptionsOf =
        new(() => EF.CompileAsyncQuery((PortalDbContext db, Guid merchantId) =>
            db.WebhookEndpoints.Where(e => e.MerchantId == merchantId && e.Enabled).Select(e => e.EventTypes)));

    /// <summary>Adds the events of the pending changes; returns the added rows, to be detached if the save fails.</summary>
    public async Task<List<WebhookEvent>?> RecordAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var pending = Pending(db, now);
        if (pending is null)
        {
            return null;
        }
        List<WebhookEvent>? added = null;
        foreach (var merchant in pending.GroupBy(e => e.MerchantId))
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var types in SubscriptionsOf.For(db)(db, merchant.Key).WithCancellation(cancellationToken))
            {
                wanted.UnionWith(WebhookEndpoint.ParseEventTypes(types));
            }
            foreach (var e in merchant.Where(e => wanted.Contains(e.Type)))
            {
                var id = Guid.CreateVersion7(now);
                var row = new WebhookEvent
                {
                    Id = id,
                    MerchantId = e.MerchantId,
                    Type = e.Type,
                    ObjectId = e.ObjectId,
                    CreatedAt = now,
                    Payload = JsonSerializer.Serialize(new WebhookEventBody(id, "event", e.Type, now,
                        await e.Resource(cancellationToken)), ApiJson.Options),
                };
                db.Add(row);
                (added ??= []).Add(row);
            }
        }
        return added;
    }

    // The resource is built only for an event somebody wants: building it was most of the outbox's cost per result.
    private sealed record PendingEvent(Guid MerchantId, string Type, Guid ObjectId, Func<CancellationToken, ValueTask<object>> Resource);

    // The events the pending changes would raise, whoever wants them.
    private List<PendingEvent>? Pending(PortalDbContext db, DateTimeOffset now)
    {
        List<PendingEvent>? pending = null;
        Dictionary<Guid, Checkout>? checkouts = null;
        // One walk: every Entries() call runs DetectChanges over the context again, and SaveChanges runs it once more.
        var entries = db.ChangeTracker.Entries().ToList();
        foreach (var entry in entries)
        {
            switch (entry.Entity)
            {
                case Checkout checkout:
                    (checkouts ??= [])[checkout.Id] = checkout;
                    if (Becomes(entry, nameof(Checkout.Status), CheckoutStatus.Paid))
                    {
                        (pending ??= []).Add(new PendingEvent(checkout.MerchantId, WebhookEventTypes.CheckoutCompleted, checkout.Id,
                            _ => ValueTask.FromResult<object>(CheckoutResource.From(checkout, addresses.Default, now))));
                    }
                    break;
                case Refund refund when BecomesAny(entry, nameof(Refund.Status), RefundStatus.Succeeded, RefundStatus.Failed, RefundStatus.Rejected):
                    (pending ??= []).Add(new PendingEvent(refund.MerchantId,
                        refund.Status == RefundStatus.Succeeded ? WebhookEventTypes.RefundSucceeded : WebhookEventTypes.RefundFailed,
                        refund.Id, _ => ValueTask.FromResult<object>(RefundResource.From(refund))));
                    break;
            }
        }
        // Payments after the walk: their resource names the checkout's token and reference.
        foreach (var entry in entries)
        {
            if (entry.Entity is not Payment payment ||
                !BecomesAny(entry, nameof(Payment.Status), PaymentStatus.Succeeded, PaymentStatus.Failed))
            {
                continue;
            }
            var checkout = checkouts?.GetValueOrDefault(payment.CheckoutId);
            (pending ??= []).Add(new PendingEvent(payment.MerchantId,
                payment.Status == PaymentStatus.Succeeded ? WebhookEventTypes.PaymentSucceeded : WebhookEventTypes.PaymentFailed,
                payment.Id, async cancellationToken =>
                {
                    // Every path that finishes a payment tracks its checkout beside it; a later one might not.
                    var names = checkout is not null
                        ? new { checkout.Token, checkout.MerchantReference }
                        : await db.Checkouts.AsNoTracking().Where(c => c.Id == payment.CheckoutId)
                            .Select(c => new { c.Token, c.MerchantReference }).SingleAsync(cancellationToken);
                    return PaymentResource.From(payment, names.Token, names.MerchantReference);
                }));
        }
        return pending;
    }

    /// <summary>After a commit that carried events: the dispatcher need not wait for its next look.</summary>
    public void Committed() => signal.Nudge();

    /// <summary>A failed save must not leave its events behind for a later save of the same context.</summary>
    public static void Forget(PortalDbContext db, List<WebhookEvent> added)
    {
        foreach (var row in added)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }

    private static bool BecomesAny<T>(EntityEntry entry, string property, params T[] finals) where T : struct, Enum
    {
        foreach (var final in finals)
        {
            if (Becomes(entry, property, final))
            {
                return true;
            }
        }
        return false;
    }

    // Into the state now, from another one: a new row already final counts, a modified row whose status was already
    // final before (a later save of the same entity) does not.
    private static bool Becomes<T>(EntityEntry entry, string property, T final) where T : struct, Enum
    {
        var status = entry.Property(property);
        return entry.State switch
        {
            EntityState.Added => EqualityComparer<T>.Default.Equals((T)status.CurrentValue!, final),
            EntityState.Modified => EqualityComparer<T>.Default.Equals((T)status.CurrentValue!, final) &&
                                    !EqualityComparer<T>.Default.Equals((T)status.OriginalValue!, final),
            _ => false,
        };
    }
}
