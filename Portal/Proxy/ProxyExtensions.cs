using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace Portal.Proxy;

public static class ProxyExtensions
{
    /// <summary>
    /// Behind a TLS-terminating proxy: the client's address and scheme taken from the configured proxies' forwarded
    /// headers only (section "ForwardedHeaders"), cookies sent only over TLS outside Development, and a year of HSTS
    /// (section "Hsts"). The forwarded headers and the cookie rule run ahead of every other middleware.
    /// </summary>
    public static IHostApplicationBuilder AddProxySupport(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TrustedProxyOptions>()
            .Configure<IConfiguration>((options, configuration) => options.Read(configuration.GetSection(TrustedProxyOptions.Section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            // X-Forwarded-Host is never read: every address Portal hands out comes from Checkout:PublicBaseUrl, and a
            // Host the client chose must not change what the app believes about itself.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback out of the box; here only what the operator listed is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in trusted.Value.ProxyAddresses())
            {
                forwarded.KnownProxies.Add(address);
            }
            foreach (var network in trusted.Value.ProxyNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });

        // Development serves plain http on localhost, where a Secure cookie would never come back.
        var development = builder.Environment.IsDevelopment();
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

        // includeSubDomains stays off unless asked for: it would hold every host under Portal's name to TLS for a year,
        // hosts Portal knows nothing of, and a browser keeps the promise until it expires. The domain's owner decides.
        services.AddOptions<HstsOptions>()
            .Configure(options => options.MaxAge = TimeSpan.FromDays(365))
            .BindConfiguration("Hsts")
            .Validate(options => options.MaxAge > TimeSpan.Zero, "Hsts:MaxAge must be positive.")
            .ValidateOnStart();

        services.AddTransient<IStartupFilter, ProxyStartupFilter>();
        return builder;
    }
}
