namespace Portal.Admin.Audit;

/// <summary>One audit entry as the audit page shows it.</summary>
public sealed record AuditRow(
    Guid Id,
    DateTimeOffset At,
    string ActorName,
    string Action,
    string Summary,
    string? TargetType,
    string? TargetId,
    string? Details,
    string? IpAddress);
