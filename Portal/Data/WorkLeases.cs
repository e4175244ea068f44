using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Portal.Data;

/// <summary>
/// Whole jobs shared out among the instances of one database: at most one instance holds a job's lease at a time, on
/// the database's clock. Taking and renewing are one conditional UPDATE (free, lapsed, or already mine), so two
/// instances asking at the same moment cannot both win; the rows affected say who did.
/// </summary>
internal sealed class WorkLeases(
    IDbContextFactory<PortalDbContext> contexts,
    InstanceIdentity instance,
    IOptions<WorkLeaseOptions> options,
    SqliteGroupCommit? commits = null)
{
    public const string Reconciler = "reconciler";
    public const string Expiry = "expiry";
    public const string IdempotencyPurge = "idempotency-purge";

    // Jobs whose row exists in this database, so a round that finds it held elsewhere does not try to insert it again.
    private readonly ConcurrentDictionary<string, bool> _rows = new(StringComparer.Ordinal);

    /// <summary>Takes or renews the job for <see cref="WorkLeaseOptions.Duration"/>; false while another instance holds it.</summary>
    public Task<bool> TryAcquireAsync(string name, CancellationToken cancellationToken = default) =>
        TryAcquireAsync(name, options.Value.Duration, cancellationToken);

    /// <summary>Takes or renews the job for <paramref name="duration"/>; false while another instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = instance.Id;
        var (taken, until) = await commits.WriteInTurnAsync(db, async (d, ct) =>
        {
            // Read a moment before the UPDATE runs: a "now" that is a little old only makes a lapsed lease look alive a
            // little longer, and the holder's new expiry a little earlier, never the other way round.
            var now = await d.GetDatabaseNowAsync(ct);
            var until = now + duration;
            var taken = await d.WorkLeases
                .Where(l => l.Name == name && (l.ExpiresAt <= now || l.Holder == me))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, until), ct);
            return (taken, until);
        }, cancellationToken);
        if (taken == 1)
        {
            _rows[name] = true;
            return true;
        }
        if (_rows.ContainsKey(name))
        {
            return false;
        }
        db.WorkLeases.Add(new WorkLease { Name = name, Holder = me, ExpiresAt = until });
        try
        {
            await commits.SaveChangesInTurnAsync(db, cancellationToken);
            _rows[name] = true;
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another instance inserted the job's row first: it holds the job.
            _rows[name] = true;
            return false;
        }
    }

    /// <summary>Gives the job up at once (a clean stop), so another instance need not wait for the lease to lapse.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = instance.Id;
        await commits.WriteInTurnAsync(db, (d, ct) => d.WorkLeases.Where(l => l.Name == name && l.Holder == me)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.MinValue), ct), cancellationToken);
    }
}
