using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Pay;

namespace Portal.Api.Resources;

/// <summary>
/// Absolute addresses of customer pages, for API answers and webhooks that have no page to take a base from:
/// <c>Checkout:PublicBaseUrl</c> when set (what phones and shops reach), else the address Portal listens on.
/// </summary>
public sealed class PublicLinks(IOptions<CheckoutOptions> options, IServer server)
{
    private Uri? _base;

    public Uri BaseUri => _base ??= options.Value.PublicBaseUrl is { } configured
        ? WithSlash(configured)
        : WithSlash(new Uri(server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost"))
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 0 : 1)
            .FirstOrDefault() ?? "http://localhost/"));

    public Uri PayPage(string token) => new(BaseUri, $"pay/{Uri.EscapeDataString(token)}");

    public Uri PayPageQrCode(string token) => new(BaseUri, $"pay/{Uri.EscapeDataString(token)}/qr.svg");

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
