using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Audit;

/// <summary>
/// Writes audit entries in their own unit of work, after the audited change has been saved. On SQLite the entry is group
/// committed like every other write (<see cref="SqliteGroupCommit"/>): left to SQLite's busy handler it slept for
/// milliseconds whenever another save held the lock, which under API load made it the slowest part of creating a checkout.
/// </summary>
internal sealed class AuditLog(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, ILogger<AuditLog> logger,
    SqliteGroupCommit? commits = null) : IAuditLog
{
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var details = record.Details is null ? null : JsonSerializer.Serialize(record.Details, record.Details.GetType(), DetailsJson);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditEntries.Add(AuditEntry.From(record, details, time.GetUtcNow()));
            await commits.SaveChangesInTurnAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or NotSupportedException)
        {
            // The action is done and saved; telling its user it failed because its trace did not would be wrong.
            AuditLogEvents.EntryLost(logger, record.Action, record.MerchantId, ex);
        }
    }
}
