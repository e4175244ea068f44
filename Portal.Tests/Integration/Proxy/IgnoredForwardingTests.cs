namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// Portal in Production reached from 127.0.0.1, an address it does not trust as a proxy: whoever sits there may send
/// forwarded headers, and none of them is believed.
/// </summary>
public abstract class IgnoredForwardingTests(ProductionFixture fixture)
{
    [Fact]
    public async Task SignInRedirect_HttpsFromUntrustedAddress_StaysHttp()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        var redirect = await proxy.SignInRedirectAsync();

        Assert.Equal("http", redirect.Scheme);
    }

    [Fact]
    public async Task Page_HttpsFromUntrustedAddress_SendsNoHsts()
    {
        using var proxy = new ProxiedClient(fixture.App.BaseAddress);

        Assert.Null(await proxy.HstsAsync());
    }

    [Fact]
    public async Task SignIn_ForwardedForFromUntrustedAddress_AuditsTheConnectionsAddress()
    {
        Assert.Equal("127.0.0.1", await fixture.AuditedSignInAddressAsync(forwardedFor: "203.0.113.7"));
    }
}
