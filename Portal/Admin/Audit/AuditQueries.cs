using Microsoft.EntityFrameworkCore;
using Portal.Admin.Paging;
using Portal.Audit;
using Portal.Data;

namespace Portal.Admin.Audit;

/// <summary>The audit log of the signed-in owner's merchant, and only that: entries of others and of no merchant never show.</summary>
public sealed class AuditQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    private static readonly KeysetOrder<AuditEntry> NewestFirst = new(e => e.At, e => e.Id);

    /// <summary>
    /// One page of the log, newest first, read from a key and never an offset; (MerchantId, At, Id),
    /// (MerchantId, Action, At, Id) and (MerchantId, ActorUserId, At, Id) serve each filter.
    /// </summary>
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var staff = await currentStaff.GetAsync();
        if (!staff.CanManageMerchant)
        {
            // The page needs the owner policy; this keeps a query reached another way just as closed.
            throw new UnauthorizedAccessException("Only an owner reads the audit log.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.MerchantId == staff.MerchantId);
        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrEmpty(query.ActorUserId))
        {
            entries = entries.Where(e => e.ActorUserId == query.ActorUserId);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            entries = entries.Where(e => e.At < end);
        }
        var count = await KeysetOrder<AuditEntry>.CountAsync(entries, cancellationToken);
        var page = await NewestFirst.PageAsync(entries, query.Page ?? PageRequest.Newest, Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize),
            e => new AuditRow(e.Id, e.At, e.ActorName, e.Action, e.Summary, e.TargetType, e.TargetId, e.Details, e.IpAddress),
            r => new PageKey(r.At, r.Id), cancellationToken);
        return new AuditPage(page, count);
    }

    /// <summary>
    /// Everyone who appears in the merchant's log, for the actor filter, each under the name of their latest entry.
    /// The ids come from the (MerchantId, ActorUserId, …) index alone; a name is one seek per person, where grouping
    /// every entry would read the whole log.
    /// </summary>
    public async Task<IReadOnlyList<AuditActor>> ActorsAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.MerchantId == staff.MerchantId);
        var userIds = await entries
            .Where(e => e.ActorUserId != null)
            .Select(e => e.ActorUserId!)
            .Distinct()
            .ToListAsync(cancellationToken);
        var actors = new List<AuditActor>(userIds.Count);
        foreach (var userId in userIds)
        {
            var name = await entries
                .Where(e => e.ActorUserId == userId)
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.Id)
                .Select(e => e.ActorName)
                .FirstAsync(cancellationToken);
            actors.Add(new AuditActor(userId, name));
        }
        return actors.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
