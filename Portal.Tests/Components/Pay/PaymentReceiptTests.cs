using Bunit;
using Portal.Domain.Payments;
using Portal.Pay;

namespace Portal.Tests.Components.Pay;

public sealed class PaymentReceiptTests : PayComponentTest
{
    // The refunds island reads the database and listens for pushes; the browser tests cover it with the real app.
    public PaymentReceiptTests() => ComponentFactories.AddStub<ReceiptRefunds>();

    [Fact]
    public void Render_Succeeded_ShowsMaskedAccountAmountAndId()
    {
        var payment = Snapshot(PaymentStep.Notified, PaymentStatus.Succeeded);

        var cut = Render<PaymentReceipt>(p => p.Add(c => c.Payment, payment).Add(c => c.MerchantName, "Demo Shop"));

        Assert.Contains("6200 •••• 0001", cut.Markup);
        Assert.DoesNotContain("6200000000000001", cut.Markup);
        Assert.Equal("CNY 12.34", cut.Find("[data-testid=receipt-amount]").TextContent);
        Assert.Equal(payment.PaymentId.ToString(), cut.Find("[data-testid=payment-id]").TextContent);
    }

    [Fact]
    public void Render_WithReturnUrl_OffersReturnLink()
    {
        var cut = Render<PaymentReceipt>(p => p
            .Add(c => c.Payment, Snapshot(PaymentStep.Notified, PaymentStatus.Succeeded))
            .Add(c => c.MerchantName, "Demo Shop")
            .Add(c => c.ReturnUrl, "https://shop.example/done"));

        Assert.Equal("https://shop.example/done", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Render_WithoutReturnUrl_HasNoLink()
    {
        var cut = Render<PaymentReceipt>(p => p
            .Add(c => c.Payment, Snapshot(PaymentStep.Notified, PaymentStatus.Succeeded))
            .Add(c => c.MerchantName, "Demo Shop"));

        Assert.Empty(cut.FindAll("a"));
    }
}
