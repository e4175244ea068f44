namespace Portal.Branding;

/// <summary>
/// Where a merchant's logo is served. The upload time is in the address, so browsers may keep a logo for long and
/// still fetch a new one the moment it changes.
/// </summary>
public static class LogoUrls
{
    public static string? Of(Guid merchantId, DateTimeOffset? uploadedAt) =>
        uploadedAt is { } at ? $"media/logo/{merchantId}?v={at.UtcTicks}" : null;
}
