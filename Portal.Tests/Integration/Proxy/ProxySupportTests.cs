using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Proxy;

namespace Portal.Tests.Integration.Proxy;

/// <summary>What <see cref="ProxyExtensions.AddProxySupport"/> makes of the settings, read from the app's own container.</summary>
public sealed class ProxySupportTests
{
    [Fact]
    public void ForwardedHeaders_ListedProxyAndNetwork_TrustsOnlyThose()
    {
        var forwarded = Resolve<ForwardedHeadersOptions>(new()
        {
            ["ForwardedHeaders:KnownProxies"] = "10.1.2.3",
            ["ForwardedHeaders:KnownNetworks:0"] = "192.168.0.0/16",
        });

        Assert.Equal([IPAddress.Parse("10.1.2.3")], forwarded.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16")], forwarded.KnownIPNetworks);
    }

    [Fact]
    public void ForwardedHeaders_Always_ReadsForAndProtoButNeverHost()
    {
        var forwarded = Resolve<ForwardedHeadersOptions>(new() { ["ForwardedHeaders:KnownProxies"] = "10.1.2.3" });

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, forwarded.ForwardedHeaders);
    }

    [Fact]
    public void TrustedProxies_CommaSeparatedValue_ReadsEachProxy()
    {
        var trusted = Resolve<TrustedProxyOptions>(new() { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.6" });

        Assert.Equal(["10.0.0.5", "10.0.0.6"], trusted.KnownProxies);
    }

    [Fact]
    public void TrustedProxies_NetworkWithoutPrefix_IsRefusedByName()
    {
        var refused = Assert.Throws<OptionsValidationException>(() =>
            Resolve<TrustedProxyOptions>(new() { ["ForwardedHeaders:KnownNetworks"] = "10.0.0.0" }));

        Assert.Contains("ForwardedHeaders:KnownNetworks: \"10.0.0.0\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hsts_NotConfigured_IsAYearWithoutSubdomains()
    {
        var hsts = Resolve<HstsOptions>([]);

        Assert.Equal((TimeSpan.FromDays(365), false), (hsts.MaxAge, hsts.IncludeSubDomains));
    }

    [Theory]
    [InlineData("Production", CookieSecurePolicy.Always)]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)]
    public void Cookies_InEnvironment_AreSecureAsTheyMustBe(string environment, CookieSecurePolicy expected)
    {
        var policy = Resolve<CookiePolicyOptions>([], environment);

        Assert.Equal(expected, policy.Secure);
    }

    private static T Resolve<T>(Dictionary<string, string?> settings, string environment = "Production")
        where T : class
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProxySupport();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<T>>().Value;
    }
}
