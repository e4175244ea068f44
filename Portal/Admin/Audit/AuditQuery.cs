using Portal.Admin.Paging;

namespace Portal.Admin.Audit;

/// <summary>The audit page's filters and page (the newest unless <see cref="Page"/> says otherwise). Dates are whole UTC days, both ends included.</summary>
public sealed record AuditQuery(
    PageRequest? Page = null,
    int PageSize = AuditQuery.DefaultPageSize,
    string? Action = null,
    string? ActorUserId = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}
