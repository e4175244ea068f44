using Portal.Admin.Paging;

namespace Portal.Admin.Links;

/// <summary>One page of the links list, newest first, with where its neighbours start. No total: the list never needed one.</summary>
public sealed record LinkPage(KeysetPage<LinkRow> Page)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public IReadOnlyList<LinkRow> Rows => Page.Rows;
}
