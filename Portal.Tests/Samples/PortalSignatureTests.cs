using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DemoShop.Webhooks;

namespace Portal.Tests.Samples;

/// <summary>The demo shop's check of Portal's webhook signature, which the README quotes for every receiver.</summary>
public sealed class PortalSignatureTests
{
    private const string Secret = "whsec_test-secret-for-the-demo-shop";
    private const string Body = """{"id":"0193b1f0-0000-7000-8000-000000000001","object":"event","type":"payment.succeeded","data":{"reference":"1001"}}""";
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsValid_SignedBodyWithinTolerance_IsAccepted()
    {
        var header = Sign(Secret, SignedAt, Body);

        Assert.True(PortalSignature.IsValid(header, Body, Secret, SignedAt + TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void IsValid_HeaderFromPortalsOwnSigner_IsAccepted()
    {
        // The two sides agree: what Portal's dispatcher sends is what the shop accepts.
        var header = global::Portal.Webhooks.WebhookSignature.Create(Secret, SignedAt, Body);

        Assert.True(PortalSignature.IsValid(header, Body, Secret, SignedAt + TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData("whsec_the-new-secret-after-a-roll")]
    [InlineData(Secret)]
    public void IsValid_HeaderSignedWithNewAndOldSecretDuringARoll_AcceptedWithEither(string receiverSecret)
    {
        var header = global::Portal.Webhooks.WebhookSignature.Create(["whsec_the-new-secret-after-a-roll", Secret], SignedAt, Body);

        Assert.True(PortalSignature.IsValid(header, Body, receiverSecret, SignedAt));
    }

    [Fact]
    public void IsValid_TamperedBody_IsRejected()
    {
        var header = Sign(Secret, SignedAt, Body);

        Assert.False(PortalSignature.IsValid(header, Body.Replace("1001", "1002", StringComparison.Ordinal), Secret, SignedAt));
    }

    [Fact]
    public void IsValid_WrongSecret_IsRejected()
    {
        var header = Sign("whsec_someone-else", SignedAt, Body);

        Assert.False(PortalSignature.IsValid(header, Body, Secret, SignedAt));
    }

    [Fact]
    public void IsValid_TimestampOlderThanFiveMinutes_IsRejected()
    {
        var header = Sign(Secret, SignedAt, Body);

        Assert.False(PortalSignature.IsValid(header, Body, Secret, SignedAt + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void IsValid_TimestampFiveMinutesAhead_IsAccepted()
    {
        // Clock skew either way is tolerated up to the limit, not beyond.
        var header = Sign(Secret, SignedAt + TimeSpan.FromMinutes(5), Body);

        Assert.True(PortalSignature.IsValid(header, Body, Secret, SignedAt));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=notanumber,v1=abc")]
    public void IsValid_MissingOrMalformedHeader_IsRejected(string? header)
    {
        Assert.False(PortalSignature.IsValid(header, Body, Secret, SignedAt));
    }

    [Fact]
    public void IsValid_OneOfSeveralSignaturesMatches_IsAccepted()
    {
        var good = Sign(Secret, SignedAt, Body);
        var header = good.Replace(",v1=", ",v1=00ff,v1=", StringComparison.Ordinal);

        Assert.True(PortalSignature.IsValid(header, Body, Secret, SignedAt));
    }

    // As Portal signs: t=<unix seconds>,v1=<lowercase hex HMAC-SHA256(secret, "t.body")>.
    private static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
