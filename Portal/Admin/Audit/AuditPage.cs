using Portal.Admin.Paging;

namespace Portal.Admin.Audit;

/// <summary>One page of audit entries and how many match the filters in all (exactly up to a cap).</summary>
public sealed record AuditPage(KeysetPage<AuditRow> Page, ListCount Count)
{
    public IReadOnlyList<AuditRow> Rows => Page.Rows;
}
