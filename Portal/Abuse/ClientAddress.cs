namespace Portal.Abuse;

/// <summary>
/// The address of the client behind this circuit, taken once from the request that opened it, after the trusted
/// proxies' forwarded headers were applied: a circuit's clicks carry no request of their own, and a header sent later
/// by the client is never read.
/// </summary>
public sealed class ClientAddress
{
    public string? Value { get; internal set; }

    /// <summary>
    /// The client of a request, as the app's forwarded-headers setup left it, counted as the sign-in lockout counts it
    /// (an IPv6 /64 is one client): otherwise a subscriber could take a fresh address from their /64 for every try.
    /// </summary>
    public static string? Of(HttpContext? context) => context?.Connection.RemoteIpAddress is { } address
        ? Identity.Lockout.ClientAddress.Key(address)
        : null;
}
