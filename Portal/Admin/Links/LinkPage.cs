namespace Portal.Admin.Links;

/// <summary>One page of the links list and how many links the merchant has in all.</summary>
public sealed record LinkPage(IReadOnlyList<LinkRow> Rows, int TotalCount)
{
    public const int DefaultPageSize = 50;
}
