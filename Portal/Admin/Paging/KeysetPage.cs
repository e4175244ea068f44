namespace Portal.Admin.Paging;

/// <summary>
/// One page of a list sorted newest first, with where the neighbouring pages start: <see cref="Newer"/> is null on
/// the first page, <see cref="Older"/> on the last. <see cref="Request"/> reads the same place again (a live reload).
/// </summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, PageRequest Request, PageKey? Newer, PageKey? Older)
{
    public bool HasNewer => Newer is not null;

    public bool HasOlder => Older is not null;
}
