using Microsoft.Extensions.Options;

namespace Portal.Proxy;

/// <summary>
/// Puts the forwarded headers and the cookie rule in front of the whole pipeline, ahead of the routing and
/// authentication the host adds before Program.cs's own middleware: a login redirect must already know the request
/// came over TLS, and a sign-in cookie renewed during authentication must already be held to the rule.
/// </summary>
internal sealed class ProxyStartupFilter(IOptions<TrustedProxyOptions> trusted, ILogger<ProxyStartupFilter> logger)
    : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var proxies = trusted.Value;
        // With no proxy listed the middleware would believe everyone (its empty lists mean "any"), so it is left out.
        if (proxies.TrustsAny)
        {
            ProxyLog.TrustingProxies(logger, string.Join(", ", proxies.KnownProxies.Concat(proxies.KnownNetworks)));
            app.UseForwardedHeaders();
        }
        else
        {
            ProxyLog.TrustingNoProxy(logger);
        }
        app.UseCookiePolicy();
        next(app);
    };
}
