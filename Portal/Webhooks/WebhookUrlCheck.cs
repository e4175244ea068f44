using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Portal.Domain.Common;

namespace Portal.Webhooks;

/// <summary>
/// The save-time half of <see cref="WebhookAddressRules"/>: an endpoint's URL is refused unless its host is a public
/// address, or a public name whose every address is public now. One message whatever the reason (private, internal,
/// not resolving), so the form cannot be used to learn which internal names exist. The send-time half is
/// <see cref="WebhookConnector"/>, since what a name resolves to can change after it is saved.
/// </summary>
public sealed class WebhookUrlCheck(IWebhookHostResolver resolver, IOptions<WebhookOptions> options)
{
    public const string NotPublic =
        "Portal sends webhooks only to public servers on the internet: this address is on this machine, a private " +
        "network, or does not resolve to a public address.";

    /// <summary>Throws a <see cref="DomainValidationException"/> on the URL field unless the address may receive webhooks.</summary>
    public async Task EnsureReachableAsync(string url, CancellationToken cancellationToken = default)
    {
        if (options.Value.AllowPrivateNetworks == true)
        {
            return;
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !await IsPublicAsync(uri.IdnHost, cancellationToken))
        {
            throw new DomainValidationException(nameof(WebhookEndpoint.Url), NotPublic);
        }
    }

    private async Task<bool> IsPublicAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return WebhookAddressRules.IsPublic(literal);
        }
        if (!WebhookAddressRules.IsPublicName(host))
        {
            return false;
        }
        try
        {
            var addresses = await resolver.ResolveAsync(host, cancellationToken);
            return addresses.Length > 0 && addresses.All(WebhookAddressRules.IsPublic);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
