using Portal.Domain.Common;
using Portal.Webhooks;

namespace Portal.Tests.Domain.Webhooks;

public sealed class WebhookEndpointTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("http://shop.example/hooks", false, "https://")]
    [InlineData("ftp://shop.example/hooks", true, "full address")]
    [InlineData("shop.example/hooks", true, "full address")]
    [InlineData("https://user:pw@shop.example/hooks", false, "user name")]
    public void Create_BadUrl_RefusedWithMessageOnUrl(string url, bool allowHttp, string message)
    {
        var refusal = Assert.Throws<DomainValidationException>(() => Create(url, WebhookEventTypes.All, allowHttp));

        Assert.Contains(message, refusal.Errors["Url"][0]);
    }

    [Fact]
    public void Create_HttpInDevelopment_Accepted()
    {
        Assert.Equal("http://localhost:5090/webhooks/portal", Create("http://localhost:5090/webhooks/portal", WebhookEventTypes.All, true).Url);
    }

    [Fact]
    public void Create_NoEvents_Refused()
    {
        var refusal = Assert.Throws<DomainValidationException>(() => Create("https://shop.example/hooks", [], false));

        Assert.True(refusal.Errors.ContainsKey("Events"));
    }

    [Fact]
    public void Create_UnknownEvent_Refused()
    {
        Assert.Throws<DomainValidationException>(() => Create("https://shop.example/hooks", ["payment.exploded"], false));
    }

    [Fact]
    public void Subscribes_OnlyChosenEvents()
    {
        var endpoint = Create("https://shop.example/hooks", [WebhookEventTypes.RefundFailed, WebhookEventTypes.PaymentSucceeded], false);

        Assert.True(endpoint.Subscribes(WebhookEventTypes.PaymentSucceeded));
        Assert.False(endpoint.Subscribes(WebhookEventTypes.CheckoutCompleted));
        Assert.Equal([WebhookEventTypes.PaymentSucceeded, WebhookEventTypes.RefundFailed], endpoint.Events);
    }

    private static WebhookEndpoint Create(string url, IEnumerable<string> events, bool allowHttp) =>
        WebhookEndpoint.Create(Guid.NewGuid(), url, null, events, allowHttp, "protected", "whsec_abcd…", "owner@demo.test", Now);
}
