using Portal.Admin.Paging;

namespace Portal.Admin.Payments;

/// <summary>One page of the payments list, how many payments match (capped), and whether there are pages either side.</summary>
public sealed record PaymentPage(IReadOnlyList<PaymentRow> Rows, ListCount Count, bool HasPrevious, bool HasNext)
{
    public static readonly PaymentPage Empty = new([], new ListCount(0, false), false, false);
}
