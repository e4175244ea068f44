namespace Portal.Admin.Payments;

/// <summary>Which page of the payments list to show: the filter, the sort and the page, so page, query and grid agree.</summary>
public sealed record PaymentListQuery(int PageIndex = 0, int PageSize = PaymentListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    /// <summary>The most rows one page may ask for; a larger request is cut to it.</summary>
    public const int MaxPageSize = 200;

    public PaymentFilter Filter { get; init; } = PaymentFilter.None;

    public PaymentSort SortBy { get; init; } = PaymentSort.Time;

    /// <summary>Newest (largest, last) first. Defaults to true.</summary>
    public bool Descending { get; init; } = true;
}
