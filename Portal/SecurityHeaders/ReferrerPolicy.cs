namespace Portal.SecurityHeaders;

/// <summary>What a page tells the next address about where the browser came from.</summary>
internal static class ReferrerPolicy
{
    /// <summary>
    /// Anywhere else: the full address to Portal itself, only the origin to other sites, nothing over a downgrade.
    /// </summary>
    public const string Default = "strict-origin-when-cross-origin";

    /// <summary>
    /// A checkout (/pay/{token}) or wallet address is itself the key to the payment. The default already keeps the
    /// path from a merchant's return address, but would still put it in the Referer of every request the page makes
    /// to Portal, where proxies and access logs keep it. These pages send no Referer at all.
    /// </summary>
    public const string CustomerPages = "no-referrer";

    public static string For(PathString path) =>
        path.StartsWithSegments("/pay") || path.StartsWithSegments("/wallet") ? CustomerPages : Default;
}
