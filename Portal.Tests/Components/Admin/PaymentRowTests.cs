using Portal.Admin.Payments;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Builders;

namespace Portal.Tests.Components.Admin;

public sealed class PaymentRowTests
{
    [Fact]
    public void From_QuotedButNotSubmitted_ShowsNoPayerAmount()
    {
        var payment = new PaymentBuilder().PaidFrom("USD", 0.139863m).Build();

        Assert.Null(PaymentRow.From(payment).PayerTotal);
        Assert.Null(PaymentRow.From(PaymentSnapshot.Of(payment, "tok")).PayerTotal);
    }

    [Fact]
    public void From_SubmittedAtAQuote_ShowsWhatThePayerPays()
    {
        var payment = new PaymentBuilder().ForCheckout(new CheckoutBuilder().WithAmount(100m).Build()).PaidFrom("USD", 0.139863m, fee: 0.15m).AtStep(PaymentStep.OrderSent).Build();

        Assert.Equal(Money.Of(14.14m, "USD"), PaymentRow.From(payment).PayerTotal);
        Assert.Equal(Money.Of(14.14m, "USD"), PaymentRow.From(PaymentSnapshot.Of(payment, "tok")).PayerTotal);
    }
}
