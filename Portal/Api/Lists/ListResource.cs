namespace Portal.Api.Lists;

/// <summary>A page of a list, newest first; <see cref="NextCursor"/> fetches the next page while <see cref="HasMore"/>.</summary>
public sealed record ListResource<T>(string Object, IReadOnlyList<T> Data, bool HasMore, string? NextCursor)
{
    public static ListResource<T> Of(IReadOnlyList<T> page, bool hasMore, string? nextCursor) => new("list", page, hasMore, nextCursor);
}
