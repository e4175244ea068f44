namespace Portal.Admin.Payments;

/// <summary>One page of the payments list and how many payments match in all.</summary>
public sealed record PaymentPage(IReadOnlyList<PaymentRow> Rows, int TotalCount);
