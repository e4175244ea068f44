using System.Diagnostics;

namespace Portal.Telemetry;

/// <summary>
/// Keeps secrets out of spans: the paths whose segment is a bearer token (a checkout, a store code, an invitation, a
/// wallet link) or a full account number (the bank's statement) are recorded with that segment named, not written.
/// Query strings are redacted by the instrumentation already.
/// </summary>
internal static class TracePrivacy
{
    private static readonly (string Prefix, string Shown)[] SecretPaths =
    [
        ("/pay/store/", "/pay/store/{token}"),
        ("/pay/", "/pay/{token}"),
        ("/invite/", "/invite/{token}"),
        ("/wallet/", "/wallet/{reference}"),
        ("/sandbox/bank/v1/accounts/", "/sandbox/bank/v1/accounts/{number}/statement"),
    ];

    /// <summary>An incoming request's span: its <c>url.path</c>.</summary>
    public static void RedactRequest(Activity activity, HttpRequest request)
    {
        if (Redacted(request.Path.Value) is { } shown)
        {
            activity.SetTag("url.path", shown);
        }
    }

    /// <summary>An outgoing request's span (the rail's statement): its <c>url.full</c>.</summary>
    public static void RedactOutgoing(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && Redacted(uri.AbsolutePath) is { } shown)
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{shown}");
        }
    }

    private static string? Redacted(string? path)
    {
        if (path is null)
        {
            return null;
        }
        foreach (var (prefix, shown) in SecretPaths)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length)
            {
                return shown;
            }
        }
        return null;
    }
}
