namespace Portal.Admin.Audit;

/// <summary>One page of audit entries and how many match the filters in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int TotalCount);
