namespace Portal.Tests.Integration.Proxy;

/// <summary>Only a proxy at 10.1.2.3 is trusted; the requests come from 127.0.0.1.</summary>
public sealed class UnlistedProxyTests(UnlistedProxyTests.Fixture fixture)
    : IgnoredForwardingTests(fixture), IClassFixture<UnlistedProxyTests.Fixture>
{
    public sealed class Fixture() : ProductionFixture(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "10.1.2.3" });
}
