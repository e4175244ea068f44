namespace Portal.Operator;

/// <summary>One page of the operator's audit log, and where the older entries start, or null when there are none.</summary>
public sealed record OperatorAuditRows(IReadOnlyList<OperatorAuditRow> Rows, OperatorAuditCursor? Older);
