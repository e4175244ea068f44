using Portal.Admin.Paging;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// Which refunds the list shows: one page (the newest unless <see cref="Page"/> says otherwise), optionally one status,
/// optionally requested within a range of days (both ends included, read in the server's time zone like every instant
/// the admin portal shows).
/// </summary>
public sealed record RefundListQuery(
    PageRequest? Page = null,
    int PageSize = RefundListQuery.DefaultPageSize,
    RefundStatus? Status = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>The first instant of <see cref="From"/>, local midnight.</summary>
    public DateTimeOffset? Start => From is { } from ? LocalMidnight(from) : null;

    /// <summary>The first instant after <see cref="To"/>: the next local midnight.</summary>
    public DateTimeOffset? End => To is { } to ? LocalMidnight(to.AddDays(1)) : null;

    private static DateTimeOffset LocalMidnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
    }
}
