using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Wallet;

/// <summary>Reads for the anonymous wallet: a payment is reached only by its id, carried in the QR code.</summary>
public sealed class WalletQueries(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
    public async Task<WalletView?> FindAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Payments.AsNoTracking()
            .Where(p => p.Id == paymentId)
            .Join(db.Checkouts, p => p.CheckoutId, c => c.Id, (p, c) => new { Payment = p, Checkout = c })
            .Join(db.Merchants, pc => pc.Checkout.MerchantId, m => m.Id, (pc, m) => new { pc.Payment, pc.Checkout, m.Name, m.AccentColor })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new WalletView(found.Payment.Snapshot(found.Checkout.Token), found.Name, found.AccentColor,
                found.Checkout.StatusAt(time.GetUtcNow()));
    }
}
