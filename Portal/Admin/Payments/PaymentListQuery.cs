namespace Portal.Admin.Payments;

/// <summary>
/// Which page of the payments list to show: the filter, the sort, and where the page starts. No cursor is the first
/// page (or, reading backwards, the last); a cursor starts the page just after its row (or ends it just before).
/// </summary>
public sealed record PaymentListQuery(int PageSize = PaymentListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;

    /// <summary>The most rows one page may ask for; a larger request is cut to it.</summary>
    public const int MaxPageSize = 200;

    public PaymentFilter Filter { get; init; } = PaymentFilter.None;

    public PaymentSort SortBy { get; init; } = PaymentSort.Time;

    /// <summary>Newest (largest, last) first. Defaults to true.</summary>
    public bool Descending { get; init; } = true;

    /// <summary>The row the page starts after (or, <see cref="Backward"/>, ends before). Defaults to none.</summary>
    public PaymentCursor? Cursor { get; init; }

    /// <summary>Reads towards the top of the list: the previous page, or with no cursor the last. Defaults to false.</summary>
    public bool Backward { get; init; }

    /// <summary>The page after <paramref name="row"/> under this filter and sort.</summary>
    public PaymentListQuery After(PaymentRow row) => this with { Cursor = PaymentCursor.At(row), Backward = false };

    /// <summary>The page before <paramref name="row"/> under this filter and sort.</summary>
    public PaymentListQuery Before(PaymentRow row) => this with { Cursor = PaymentCursor.At(row), Backward = true };
}
