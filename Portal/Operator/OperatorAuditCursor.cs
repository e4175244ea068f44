namespace Portal.Operator;

/// <summary>Where the next, older page of the operator's audit log starts: just after this entry, newest first.</summary>
public sealed record OperatorAuditCursor(DateTimeOffset At, Guid Id);
