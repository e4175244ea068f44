using Portal.Audit;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;

namespace Portal.Tests.Integration.Lists;

/// <summary>
/// A small history for the list tests, made by the domain itself: links, refunds and audit entries of both merchants,
/// many sharing an instant (so the id decides their order) and of several statuses, actions and actors.
/// </summary>
public static class ListHistory
{
    public static readonly DateTimeOffset Start = TestClock.Now;
    public static readonly string[] Actions = [AuditActions.LinkCreated, AuditActions.SignedIn, AuditActions.RefundRequested];
    public static readonly string[] Actors = ["user-a", "user-b", "user-c"];

    public static async Task SeedAsync(ListDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        // Two runs over the same hours: every other minute two links share their instant.
        var demo = (await new PaymentHistoryBuilder(database.Demo).WithCount(60).StartingAt(Start, TimeSpan.FromMinutes(1))
                .WithReferencePrefix("A-").SaveAsync(database))
            .Concat(await new PaymentHistoryBuilder(database.Demo).WithCount(30).StartingAt(Start, TimeSpan.FromMinutes(2))
                .WithReferencePrefix("B-").SaveAsync(database))
            .ToList();
        var other = await new PaymentHistoryBuilder(database.Other).WithCount(10).StartingAt(Start, TimeSpan.FromMinutes(1))
            .WithReferencePrefix("O-").SaveAsync(database);

        await using var db = database.CreateDbContext();
        var succeeded = demo.Where(p => p.Status == PaymentStatus.Succeeded).ToList();
        for (var k = 0; k < succeeded.Count; k++)
        {
            db.Refunds.Add(RefundOf(database.Demo, succeeded[k], k, Start.AddHours(3).AddMinutes(k / 3)));
        }
        foreach (var (payment, k) in other.Where(p => p.Status == PaymentStatus.Succeeded).Select((p, k) => (p, k)))
        {
            db.Refunds.Add(RefundOf(database.Other, payment, k, Start.AddHours(3).AddMinutes(k / 3)));
        }
        for (var k = 0; k < 80; k++)
        {
            db.AuditEntries.Add(EntryOf(database.Demo.Id, k, Start.AddMinutes(k / 4)));
        }
        for (var k = 0; k < 10; k++)
        {
            db.AuditEntries.Add(EntryOf(database.Other.Id, k, Start.AddMinutes(k / 4)));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A refund of <paramref name="payment"/>; every 4th waits for approval (its requester refunded much that day).</summary>
    public static Refund RefundOf(Merchant merchant, Payment payment, int k, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(merchant);
        ArgumentNullException.ThrowIfNull(payment);
        var by = new StaffActor(merchant.Id, Actors[k % Actors.Length], "Marco Manager", StaffRole.Manager);
        return payment.RequestRefund(merchant, by, Money.Of(1m, merchant.CurrencyCode), RefundReason.Returned, null, $"refund-{payment.Id:N}", at,
            k % 4 == 0 ? Money.Of(5_000m, merchant.CurrencyCode) : null);
    }

    public static AuditEntry EntryOf(Guid merchantId, int k, DateTimeOffset at) => AuditEntry.From(
        new AuditRecord(merchantId, k % 7 == 6 ? null : Actors[k % Actors.Length], $"Person {k % Actors.Length}", Actions[k % Actions.Length],
            $"Entry {k}"), null, at);
}
