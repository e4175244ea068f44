namespace Portal.Admin.Paging;

/// <summary>Where a <see cref="PageRequest"/> reads from.</summary>
public enum PageDirection
{
    Newest,
    Older,
    Newer,
    Before,
}
