namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// No proxy is configured. ASP.NET Core's forwarded-headers middleware believes loopback by default, and anyone when
/// its lists are empty: neither may happen here.
/// </summary>
public sealed class NoProxyListedTests(NoProxyListedTests.Fixture fixture)
    : IgnoredForwardingTests(fixture), IClassFixture<NoProxyListedTests.Fixture>
{
    public sealed class Fixture() : ProductionFixture(new Dictionary<string, string?>());
}
