using System.Net;

namespace Portal.Webhooks;

/// <summary>Turns an endpoint's host name into addresses; DNS by default, replaceable because DNS is outside Portal.</summary>
public interface IWebhookHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
