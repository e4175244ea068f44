using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Portal.Addresses;
using Portal.Pay;

namespace Portal.Tests.Integration.Proxy;

/// <summary>Which base <see cref="PublicAddresses"/> chooses, by environment and setting.</summary>
public sealed class PublicAddressesTests
{
    private const string Opened = "http://192.168.1.20:5080/";

    [Fact]
    public void For_DevelopmentWithoutPublicBaseUrl_UsesTheAddressOpened()
    {
        var links = Addresses("Development", publicBaseUrl: null).For(Opened);

        Assert.Equal("http://192.168.1.20:5080/pay/abc", links.PayPage("abc").AbsoluteUri);
    }

    [Fact]
    public void For_DevelopmentWithPublicBaseUrl_UsesPublicBaseUrl()
    {
        var links = Addresses("Development", publicBaseUrl: "https://pay.example.com").For(Opened);

        Assert.Equal("https://pay.example.com/pay/abc", links.PayPage("abc").AbsoluteUri);
    }

    [Fact]
    public void For_ProductionWithoutPublicBaseUrl_IgnoresTheAddressOpened()
    {
        var links = Addresses("Production", publicBaseUrl: null).For("http://evil.example/");

        Assert.Equal("http://localhost:8080/pay/abc", links.PayPage("abc").AbsoluteUri);
    }

    [Fact]
    public void PasswordResetPage_PublicBaseUrlWithPath_KeepsThePath()
    {
        var links = Addresses("Production", publicBaseUrl: "https://example.com/portal").Default;

        Assert.Equal("https://example.com/portal/Account/ResetPassword?code=a-b_c", links.PasswordResetPage("a-b_c").AbsoluteUri);
    }

    private static PublicAddresses Addresses(string environment, string? publicBaseUrl) => new(
        Options.Create(new CheckoutOptions { PublicBaseUrl = publicBaseUrl is null ? null : new Uri(publicBaseUrl) }),
        new ListeningServer("http://[::]:8080"),
        new HostingEnvironment { EnvironmentName = environment });

    /// <summary>Only what Kestrel reports once listening: its addresses.</summary>
    private sealed class ListeningServer : IServer
    {
        public ListeningServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
