using System.Net;

namespace Portal.Webhooks;

/// <summary>The system's resolver, as any HTTP client would use.</summary>
public sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
