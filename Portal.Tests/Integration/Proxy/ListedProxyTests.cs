namespace Portal.Tests.Integration.Proxy;

/// <summary>Portal in Production behind a proxy it knows (the test itself, on 127.0.0.1), which took the request over TLS.</summary>
public sealed class ListedProxyTests(ListedProxyTests.Fixture fixture) : IClassFixture<ListedProxyTests.Fixture>
{
    public sealed class Fixture() : ProductionFixture(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "127.0.0.1" });

    [Fact]
    public async Task SignInRedirect_HttpsFromListedProxy_PointsAtHttps()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        var redirect = await proxy.SignInRedirectAsync();

        Assert.StartsWith($"https://{ProxiedClient.PublicHost}/Account/Login", redirect.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_HttpsFromListedProxy_SendsHstsForAYear()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        Assert.Equal("max-age=31536000", await proxy.HstsAsync());
    }

    [Theory]
    [InlineData("Account/Login", ".AspNetCore.Antiforgery.")]
    [InlineData("culture?c=zh-CN&r=/", ".AspNetCore.Culture=")]
    public async Task Page_HttpsFromListedProxy_SetsSecureCookie(string path, string cookie)
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        Assert.Contains("secure", await proxy.CookieAttributesAsync(path, cookie));
    }

    [Fact]
    public async Task SignIn_HttpsFromListedProxy_SetsSecureSignInCookie()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.SignInAsync(ProductionFixture.OwnerEmail, ProductionFixture.OwnerPassword);

        Assert.Contains("secure", ProxiedClient.CookieAttributes(response, ".AspNetCore.Identity.Application="));
    }

    [Fact]
    public async Task SignIn_ForwardedForFromListedProxy_AuditsTheClientsAddress()
    {
        Assert.Equal("203.0.113.7", await fixture.AuditedSignInAddressAsync(forwardedFor: "203.0.113.7"));
    }

    [Fact]
    public async Task SignInRedirect_ForwardedHostFromListedProxy_IsIgnored()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress) { ForwardedHost = "evil.example" };

        var redirect = await proxy.SignInRedirectAsync();

        Assert.Equal(ProxiedClient.PublicHost, redirect.Host);
    }
}
