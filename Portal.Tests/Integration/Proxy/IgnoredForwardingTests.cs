using System.Net;

namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// Portal in Production reached from 127.0.0.1, an address it does not trust as a proxy: whoever sits there may send
/// forwarded headers, and none of them is believed.
/// </summary>
public abstract class IgnoredForwardingTests(ProductionFixture fixture)
{
    [Fact]
    public async Task LoginRedirect_HttpsFromUntrustedAddress_StaysHttp()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.GetAsync("admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"http://{ProxiedClient.PublicHost}/Account/Login", response.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_HttpsFromUntrustedAddress_SendsNoHsts()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        using var response = await proxy.GetAsync("Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignIn_ForwardedForFromUntrustedAddress_AuditsTheConnectionsAddress()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress) { ForwardedFor = "203.0.113.7" };

        using var response = await proxy.SignInAsync(ProductionFixture.OwnerEmail, ProductionFixture.OwnerPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("127.0.0.1", await fixture.LastSignInAddressAsync());
    }
}
