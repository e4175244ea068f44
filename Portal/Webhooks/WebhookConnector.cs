using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Portal.Webhooks;

/// <summary>
/// Opens the webhook client's connections (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves the host itself,
/// refuses unless every address is public, then connects to one of those very addresses. Checking here rather than
/// before the request leaves no gap between check and use, so a name that resolved to a public address when the URL
/// was saved and to 127.0.0.1 now (DNS rebinding) is refused at the socket.
/// </summary>
public sealed class WebhookConnector(IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var privateAllowed = options.Value.AllowPrivateNetworks == true;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return privateAllowed || WebhookAddressRules.IsPublic(literal)
                ? [literal]
                : throw new WebhookAddressRefusedException("The endpoint's address is not public.");
        }
        if (!privateAllowed && !WebhookAddressRules.IsPublicName(host))
        {
            throw new WebhookAddressRefusedException("The endpoint's host name is not a public one.");
        }
        var addresses = await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        // One private address among public ones refuses the lot: the name is under its owner's control, and a
        // connection that fails over to the next address would reach the private one.
        return privateAllowed || addresses.All(WebhookAddressRules.IsPublic)
            ? addresses
            : throw new WebhookAddressRefusedException("The endpoint's host name resolves to an address that is not public.");
    }
}
