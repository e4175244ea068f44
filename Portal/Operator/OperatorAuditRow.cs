namespace Portal.Operator;

/// <summary>One entry of the operator's audit log as its page shows it.</summary>
public sealed record OperatorAuditRow(
    Guid Id,
    DateTimeOffset At,
    string ActorName,
    string Action,
    string Summary,
    string? TargetType,
    string? TargetId,
    string? IpAddress);
