using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
/// nothing of webhooks and no path can forget one. Cost per save: a walk over the few tracked entries, and one insert
/// per event; no query (the checkout of a payment is tracked beside it on every path that finishes one).
/// </summary>
public sealed class WebhookOutbox(PublicLinks links, TimeProvider time, WebhookSignal signal)
{
    /// <summary>Adds the events of the pending changes; returns the added rows, to be detached if the save fails.</summary>
    public List<WebhookEvent>? Record(PortalDbContext db)
    {
        List<WebhookEvent>? added = null;
        Dictionary<Guid, Checkout>? checkouts = null;
        var now = time.GetUtcNow();
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
                        Add(ref added, db, checkout.MerchantId, WebhookEventTypes.CheckoutCompleted, checkout.Id,
                            CheckoutResource.From(checkout, links, now), now);
                    }
                    break;
                case Refund refund when BecomesAny(entry, nameof(Refund.Status), RefundStatus.Succeeded, RefundStatus.Failed, RefundStatus.Rejected):
                    Add(ref added, db, refund.MerchantId,
                        refund.Status == RefundStatus.Succeeded ? WebhookEventTypes.RefundSucceeded : WebhookEventTypes.RefundFailed,
                        refund.Id, RefundResource.From(refund), now);
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
            var checkout = checkouts?.GetValueOrDefault(payment.CheckoutId)
                ?? db.Checkouts.AsNoTracking().Single(c => c.Id == payment.CheckoutId);
            Add(ref added, db, payment.MerchantId,
                payment.Status == PaymentStatus.Succeeded ? WebhookEventTypes.PaymentSucceeded : WebhookEventTypes.PaymentFailed,
                payment.Id, PaymentResource.From(payment, checkout.Token, checkout.MerchantReference), now);
        }
        return added;
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

    private static void Add(ref List<WebhookEvent>? added, PortalDbContext db, Guid merchantId, string type, Guid objectId,
        object resource, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var row = new WebhookEvent
        {
            Id = id,
            MerchantId = merchantId,
            Type = type,
            ObjectId = objectId,
            CreatedAt = now,
            Payload = JsonSerializer.Serialize(new WebhookEventBody(id, "event", type, now, resource), ApiJson.Options),
        };
        db.Add(row);
        (added ??= []).Add(row);
    }
}
