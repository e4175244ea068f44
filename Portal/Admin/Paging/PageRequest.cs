namespace Portal.Admin.Paging;

/// <summary>Which page of a list sorted newest first to show.</summary>
public sealed record PageRequest
{
    private PageRequest(PageDirection direction, PageKey? key, DateTimeOffset? before)
    {
        Direction = direction;
        Key = key;
        BeforeInstant = before;
    }

    /// <summary>The first page: the newest rows.</summary>
    public static PageRequest Newest { get; } = new(PageDirection.Newest, null, null);

    public PageDirection Direction { get; }

    /// <summary>The row the page starts after (<see cref="PageDirection.Older"/>) or ends before (<see cref="PageDirection.Newer"/>).</summary>
    public PageKey? Key { get; }

    /// <summary>The page starts with the newest row before this instant (<see cref="PageDirection.Before"/>).</summary>
    public DateTimeOffset? BeforeInstant { get; }

    /// <summary>The rows just older than <paramref name="key"/>: the next page.</summary>
    public static PageRequest OlderThan(PageKey key) => new(PageDirection.Older, key, null);

    /// <summary>The rows just newer than <paramref name="key"/>: the previous page.</summary>
    public static PageRequest NewerThan(PageKey key) => new(PageDirection.Newer, key, null);

    /// <summary>The newest rows before <paramref name="instant"/>: a jump to a day (pass the first instant after it).</summary>
    public static PageRequest Before(DateTimeOffset instant) => new(PageDirection.Before, null, instant);
}
