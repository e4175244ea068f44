using System.Net;
using Portal.Webhooks;

namespace Portal.Tests.Domain.Webhooks;

public sealed class WebhookAddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("192.0.2.10")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("fc00::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:7f00:1::")]
    [InlineData("2001:db8::1")]
    public void IsPublic_LoopbackPrivateLinkLocalOrReserved_False(string address)
    {
        Assert.False(WebhookAddressRules.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void IsPublic_InternetAddress_True(string address)
    {
        Assert.True(WebhookAddressRules.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST.")]
    [InlineData("shop.localhost")]
    [InlineData("metadata.google.internal")]
    [InlineData("printer.local")]
    [InlineData("nas.home.arpa")]
    [InlineData("intranet")]
    [InlineData("db")]
    [InlineData("")]
    public void IsPublicName_LocalInternalOrSingleLabel_False(string host)
    {
        Assert.False(WebhookAddressRules.IsPublicName(host));
    }

    [Theory]
    [InlineData("shop.example")]
    [InlineData("hooks.shop.example.com")]
    [InlineData("localhost-shop.example")]
    [InlineData("internal.shop.example")]
    public void IsPublicName_InternetName_True(string host)
    {
        Assert.True(WebhookAddressRules.IsPublicName(host));
    }
}
