using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Admin.Audit;

/// <summary>The audit log of the signed-in owner's merchant, and only that: entries of others and of no merchant never show.</summary>
public sealed class AuditQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
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
        var total = await entries.CountAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var rows = await entries
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.PageIndex) * size)
            .Take(size)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorName, e.Action, e.Summary, e.TargetType, e.TargetId, e.Details, e.IpAddress))
            .ToListAsync(cancellationToken);
        return new AuditPage(rows, total);
    }

    /// <summary>Everyone who appears in the merchant's log, for the actor filter.</summary>
    public async Task<IReadOnlyList<AuditActor>> ActorsAsync(CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actors = await db.AuditEntries.AsNoTracking()
            .Where(e => e.MerchantId == staff.MerchantId && e.ActorUserId != null)
            .GroupBy(e => e.ActorUserId!)
            .Select(g => new { UserId = g.Key, Name = g.Max(e => e.ActorName) })
            .ToListAsync(cancellationToken);
        return actors.Select(a => new AuditActor(a.UserId, a.Name!)).OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
