namespace Portal.Admin.Audit;

/// <summary>The audit page's filters and page. Dates are whole UTC days, both ends included.</summary>
public sealed record AuditQuery(
    int PageIndex = 0,
    int PageSize = 25,
    string? Action = null,
    string? ActorUserId = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public const int MaxPageSize = 100;
}
