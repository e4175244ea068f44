namespace Portal.Abuse;

/// <summary>
/// The address of the client behind this circuit, taken once from the request that opened it, after the trusted
/// proxies' forwarded headers were applied: a circuit's clicks carry no request of their own, and a header sent later
/// by the client is never read.
/// </summary>
public sealed class ClientAddress
{
    public string? Value { get; internal set; }

    /// <summary>The address of a request, as the app's forwarded-headers setup left it.</summary>
    public static string? Of(HttpContext? context) => context?.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : null;
}
