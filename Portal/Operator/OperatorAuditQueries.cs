using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;

namespace Portal.Operator;

/// <summary>
/// The platform operator's audit log: entries of no merchant whose action is the operator's, newest first, a page at a
/// time from a cursor (the entries keep coming while someone reads, and a cursor neither skips nor repeats one).
/// Only the operator reads it; a merchant's entries never show here.
/// </summary>
public sealed class OperatorAuditQueries(IDbContextFactory<PortalDbContext> contexts, AuthenticationStateProvider authentication)
{
    public const int MaxPageSize = 100;

    public async Task<OperatorAuditRows> ListAsync(OperatorAuditCursor? after, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        // The page needs the operator policy; this keeps the query reached another way just as closed.
        if (!OperatorAudit.IsOperator((await authentication.GetAuthenticationStateAsync()).User))
        {
            throw new ForbiddenException("Only the platform operator reads the operator's audit log.");
        }
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.MerchantId == null && e.Action.StartsWith(OperatorAuditActions.Prefix));
        if (after is not null)
        {
            entries = entries.Where(e => e.At < after.At || (e.At == after.At && e.Id < after.Id));
        }
        var rows = await entries
            .OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Take(size + 1)
            .Select(e => new OperatorAuditRow(e.Id, e.At, e.ActorName, e.Action, e.Summary, e.TargetType, e.TargetId, e.IpAddress))
            .ToListAsync(cancellationToken);
        var shown = rows.Take(size).ToList();
        return new OperatorAuditRows(shown, rows.Count > size ? new OperatorAuditCursor(shown[^1].At, shown[^1].Id) : null);
    }
}
