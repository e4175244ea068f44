namespace Portal.Admin.Refunds;

/// <summary>One page of the refunds list and how many refunds match the filter in all.</summary>
public sealed record RefundList(IReadOnlyList<RefundView> Rows, int TotalCount);
