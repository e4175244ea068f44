using Portal.Identity;

namespace Portal.Audit;

/// <summary>
/// Keeps what staff do, per merchant, for the owner's audit page. Call it after the action succeeded (or, for a failed
/// sign-in, failed). A failure to write the entry is logged, never thrown: the action itself already happened.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="actor"/> did, for their merchant.</summary>
    Task RecordAsync(StaffMember actor, string action, string summary, string? targetType = null, string? targetId = null,
        object? details = null, CancellationToken cancellationToken = default) =>
        RecordAsync(new AuditRecord(actor.MerchantId, actor.UserId, actor.DisplayName, action, summary, targetType, targetId, details),
            cancellationToken);
}
