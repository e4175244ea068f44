using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Portal.Pay;

namespace Portal.Addresses;

/// <summary>
/// The one source of the base of every absolute address Portal hands out: <c>Checkout:PublicBaseUrl</c>, never the
/// Host header a request brought (anyone can send any Host, and a reset link on it would carry the token to them).
/// Only in Development without the setting does a page fall back to the address it was opened at, so `dotnet run`
/// works on localhost and a phone on the LAN can be pointed at the machine.
/// </summary>
public sealed class PublicAddresses(IOptions<CheckoutOptions> options, IServer server, IHostEnvironment environment)
{
    private PublicLinks? _default;

    /// <summary>
    /// For addresses handed to machines, not shown on a page (API answers, webhooks): <c>Checkout:PublicBaseUrl</c>,
    /// else the address Portal listens on (read on first use, by when the server is listening).
    /// </summary>
    public PublicLinks Default => _default ??= new PublicLinks(options.Value.PublicBaseUrl ?? ListeningAddress());

    /// <summary>
    /// For a page opened at <paramref name="requestBaseUri"/> (<c>NavigationManager.BaseUri</c>):
    /// <see cref="Default"/>, except in Development without <c>Checkout:PublicBaseUrl</c>, where it is that address.
    /// </summary>
    public PublicLinks For(string requestBaseUri) =>
        options.Value.PublicBaseUrl is null && environment.IsDevelopment() ? new PublicLinks(new Uri(requestBaseUri)) : Default;

    private Uri ListeningAddress() => new(server.Features.Get<IServerAddressesFeature>()?.Addresses
        .Select(a => a.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost"))
        .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal) ? 0 : 1)
        .FirstOrDefault() ?? "http://localhost/");
}
