using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Portal.Sandbox;

/// <summary>
/// Remembers every signed message the bank accepted, long enough to outlive its timestamp's tolerance: after that the
/// timestamp check refuses it anyway, so older rows are purged. Kept in the database, so a restart forgets nothing.
/// </summary>
public sealed class ReplayGuard(
    IDbContextFactory<SandboxBankDbContext> databases,
    BankWriteGate writeGate,
    IOptions<SandboxBankOptions> options,
    TimeProvider time)
{
    private long _lastPurgeTicks;

    /// <summary>Records a message's timestamp and nonce; false when they were seen before (a replay).</summary>
    public async Task<bool> TryRecordAsync(string timestamp, string nonce, CancellationToken cancellationToken)
    {
        // Keyed by timestamp and nonce: a replay repeats both. For orders the nonce is the order id, so an order sent
        // again under a new timestamp is not a replay but a duplicate, which the order table refuses (DUPL) for good.
        var key = $"{timestamp}.{nonce}";
        var now = time.GetUtcNow();
        using var writing = await writeGate.EnterAsync(cancellationToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await PurgeIfDueAsync(db, now, cancellationToken);
        if (await db.UsedNonces.AnyAsync(n => n.Nonce == key, cancellationToken))
        {
            return false;
        }
        db.UsedNonces.Add(new UsedNonce { Nonce = key, SeenAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process recorded it between the look and the insert: the unique key decides.
            return false;
        }
        return true;
    }

    private async Task PurgeIfDueAsync(SandboxBankDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tolerance = options.Value.ClockTolerance;
        if (now.UtcTicks - Interlocked.Read(ref _lastPurgeTicks) < tolerance.Ticks)
        {
            return;
        }
        Interlocked.Exchange(ref _lastPurgeTicks, now.UtcTicks);
        var cutoff = now - 2 * tolerance;
        await db.UsedNonces.Where(n => n.SeenAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
