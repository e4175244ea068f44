using Portal.Admin.Paging;

namespace Portal.Admin.Refunds;

/// <summary>One page of the refunds list and how many refunds match the filter in all (exactly up to a cap).</summary>
public sealed record RefundList(KeysetPage<RefundView> Page, ListCount Count)
{
    public IReadOnlyList<RefundView> Rows => Page.Rows;
}
