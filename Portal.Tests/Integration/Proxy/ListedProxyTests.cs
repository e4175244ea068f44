using System.Net;

namespace Portal.Tests.Integration.Proxy;

/// <summary>Portal in Production behind a proxy it knows (the test itself, on 127.0.0.1), which took the request over TLS.</summary>
public sealed class ListedProxyTests(ListedProxyTests.Fixture fixture) : IClassFixture<ListedProxyTests.Fixture>
{
    public sealed class Fixture() : ProductionFixture(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });

    [Fact]
    public async Task LoginRedirect_HttpsFromListedProxy_PointsAtHttps()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.GetAsync("admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"https://{ProxiedClient.PublicHost}/Account/Login", response.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_HttpsFromListedProxy_SendsHstsForAYear()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.GetAsync("Account/Login");

        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task LoginPage_HttpsFromListedProxy_SetsSecureAntiforgeryCookie()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.GetAsync("Account/Login");

        AssertSecure(ProxiedClient.SetCookie(response, ".AspNetCore.Antiforgery."));
    }

    [Fact]
    public async Task SignIn_HttpsFromListedProxy_SetsSecureSignInCookie()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.SignInAsync(ProductionFixture.OwnerEmail, ProductionFixture.OwnerPassword);

        AssertSecure(ProxiedClient.SetCookie(response, ".AspNetCore.Identity.Application="));
    }

    [Fact]
    public async Task CultureSwitch_HttpsFromListedProxy_SetsSecureCookie()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.GetAsync("culture?c=zh-CN&r=/");

        AssertSecure(ProxiedClient.SetCookie(response, ".AspNetCore.Culture="));
    }

    [Fact]
    public async Task SignIn_ForwardedForFromListedProxy_AuditsTheClientsAddress()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress) { ForwardedFor = "203.0.113.7" };

        using var response = await proxy.SignInAsync(ProductionFixture.OwnerEmail, ProductionFixture.OwnerPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("203.0.113.7", await fixture.LastSignInAddressAsync());
    }

    [Fact]
    public async Task LoginRedirect_ForwardedHostFromListedProxy_IsIgnored()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress) { ForwardedHost = "evil.example" };

        using var response = await proxy.GetAsync("admin");

        Assert.Equal(ProxiedClient.PublicHost, response.Headers.Location?.Host);
    }

    private static void AssertSecure(string setCookie) =>
        Assert.Contains("secure", setCookie.Split(';').Select(attribute => attribute.Trim().ToLowerInvariant()));
}
