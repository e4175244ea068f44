using Portal.Webhooks;

namespace Portal.Tests.Domain.Webhooks;

public sealed class WebhookSecretRollTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Overlap = TimeSpan.FromHours(24);

    [Fact]
    public void RollSecret_WithinOverlap_SignsWithNewThenOld()
    {
        var endpoint = Endpoint();

        endpoint.RollSecret("new", "whsec_new…", Overlap, Now);

        Assert.Equal(["new", "old"], endpoint.SigningSecrets(Now + Overlap - TimeSpan.FromSeconds(1)));
        Assert.Equal("whsec_new…", endpoint.SecretHint);
    }

    [Fact]
    public void RollSecret_OverlapOver_SignsWithNewOnly()
    {
        var endpoint = Endpoint();

        endpoint.RollSecret("new", "whsec_new…", Overlap, Now);

        Assert.Equal(["new"], endpoint.SigningSecrets(Now + Overlap));
    }

    [Fact]
    public void RollSecret_TwiceWithinOverlap_KeepsOnlyTheSecretJustReplaced()
    {
        var endpoint = Endpoint();
        endpoint.RollSecret("second", "whsec_sec…", Overlap, Now);

        endpoint.RollSecret("third", "whsec_thi…", Overlap, Now + TimeSpan.FromHours(1));

        Assert.Equal(["third", "second"], endpoint.SigningSecrets(Now + TimeSpan.FromHours(2)));
        Assert.Equal(Now + TimeSpan.FromHours(25), endpoint.PreviousSecretExpiresAt);
    }

    [Fact]
    public void RollSecret_NoOverlap_OldStopsAtOnce()
    {
        var endpoint = Endpoint();

        endpoint.RollSecret("new", "whsec_new…", TimeSpan.Zero, Now);

        Assert.Equal(["new"], endpoint.SigningSecrets(Now));
        Assert.Null(endpoint.PreviousProtectedSecret);
    }

    [Fact]
    public void Create_TwoSecrets_OneTimestampAndASignatureEachThatVerifies()
    {
        var header = WebhookSignature.Create(["whsec_new", "whsec_old"], Now, "{}");

        Assert.Equal(2, header.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal)));
        Assert.True(WebhookSignature.Verify("whsec_new", header, "{}", Now, TimeSpan.FromMinutes(5)));
        Assert.True(WebhookSignature.Verify("whsec_old", header, "{}", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("whsec_other", header, "{}", Now, TimeSpan.FromMinutes(5)));
    }

    private static WebhookEndpoint Endpoint() =>
        WebhookEndpoint.Create(Guid.CreateVersion7(), "https://shop.example/hooks", null, WebhookEventTypes.All, false, "old",
            "whsec_old…", "owner@demo.test", Now);
}
