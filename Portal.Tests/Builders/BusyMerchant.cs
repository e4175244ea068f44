using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Tests.Builders;

/// <summary>
/// A merchant of its own in a shared running app, with an owner to sign in as and more of everything than one page of
/// a staff list holds: payments (each on its own link) every two hours over the last eleven days, refunds waiting for
/// approval (so no rail call changes them meanwhile) and audit entries, some pairs at one instant. Every row carries a
/// text of its own (the payment's reference, the refund's note, the entry's summary) by which a test finds it on screen.
/// </summary>
public sealed class BusyMerchant
{
    private BusyMerchant(Merchant merchant, string ownerEmail, string prefix)
    {
        Merchant = merchant;
        OwnerEmail = ownerEmail;
        Prefix = prefix;
    }

    public Merchant Merchant { get; }

    /// <summary>The owner's address; the password is <see cref="DemoStaff.Password"/>.</summary>
    public string OwnerEmail { get; }

    /// <summary>The start of every payment's reference ("PG1a2b3c4-00042").</summary>
    public string Prefix { get; }

    public static async Task<BusyMerchant> CreateAsync(IServiceProvider services, int payments, int refunds, int auditEntries)
    {
        ArgumentNullException.ThrowIfNull(services);
        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var unique = Guid.NewGuid().ToString("N")[..7];
        var now = DateTimeOffset.UtcNow;
        var merchant = Merchant.Create($"Busy Shop {unique}", "Suzhou", Currency.CNY,
            AccountNumber.Parse("88" + string.Concat(Guid.NewGuid().ToByteArray()[..14].Select(b => (char)('0' + b % 10)))), now.AddDays(-30));
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync();
        }
        var busy = new BusyMerchant(merchant, DemoStaff.NewEmail("busy"), $"PG{unique}-");
        await DemoStaff.CreateAsync(services, busy.OwnerEmail, StaffRole.Owner, merchant.Name);
        var history = await new PaymentHistoryBuilder(merchant).WithCount(payments).StartingAt(now.AddDays(-11), TimeSpan.FromHours(2))
            .WithReferencePrefix(busy.Prefix).SaveAsync(contexts);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var by = new StaffActor(merchant.Id, "busy-manager", "Mira Manager", StaffRole.Manager);
            foreach (var (payment, k) in history.Where(p => p.Status == PaymentStatus.Succeeded).Take(refunds).Select((p, k) => (p, k)))
            {
                // The refunds requested today by this manager are above the merchant's threshold: each waits for approval.
                db.Refunds.Add(payment.RequestRefund(merchant, by, Money.Of(1m, merchant.CurrencyCode), RefundReason.Returned,
                    RefundNote(k), $"busy-{payment.Id:N}", payment.MethodChosenAt.AddHours(1), Money.Of(50_000m, merchant.CurrencyCode)));
            }
            for (var k = 0; k < auditEntries; k++)
            {
                db.AuditEntries.Add(AuditEntry.From(new AuditRecord(merchant.Id, "busy-manager", "Mira Manager", AuditActions.LinkCreated,
                    AuditSummary(k)), null, now.AddDays(-5).AddMinutes(k / 2)));
            }
            await db.SaveChangesAsync();
        }
        return busy;
    }

    public static string RefundNote(int k) => $"Busy refund {k:D3}";

    public static string AuditSummary(int k) => $"Busy entry {k:D3}";
}
