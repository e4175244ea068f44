namespace Portal.Admin.Payments;

/// <summary>
/// Which page of the payments list to show. Filters and sorting (issue 5) become more properties here, so the page,
/// the query and the live feed keep agreeing on what belongs in the list.
/// </summary>
public sealed record PaymentListQuery(int PageIndex = 0, int PageSize = PaymentListQuery.DefaultPageSize, bool IncludeAbandoned = false)
{
    public const int DefaultPageSize = 50;
}
