using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain.CrossBorder;

public sealed class PaymentQuoteTests
{
    private static readonly DateTimeOffset T0 = PaymentBuilder.StepTime(PaymentStep.MethodChosen);

    [Fact]
    public void OfferQuote_AtStepOne_KeepsBothAmountsRateAndFee()
    {
        var payment = new CheckoutBuilder().WithAmount(100m).Build().StartPayment(PaymentMethod.RealTime, T0);

        payment.OfferQuote(PaymentBuilder.Quote(payment.Amount, Currency.FromCode("USD"), 0.139863m, 0.15m), T0);

        Assert.Equal((Money.Of(100m, "CNY"), Money.Of(14.14m, "USD"), 0.139863m), (payment.Amount, payment.PayerTotal!.Value, payment.FxRate!.Value));
        Assert.True(payment.IsCrossBorder);
    }

    [Fact]
    public void OfferQuote_ForAnotherAmount_IsRefused()
    {
        var payment = new CheckoutBuilder().WithAmount(100m).Build().StartPayment(PaymentMethod.RealTime, T0);

        Assert.Throws<DomainValidationException>(() =>
            payment.OfferQuote(PaymentBuilder.Quote(Money.Of(99m, "CNY"), Currency.FromCode("USD"), 0.139863m), T0));
        Assert.False(payment.IsCrossBorder);
    }

    [Fact]
    public void OfferQuote_AfterDetails_IsRefused()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        Assert.Throws<InvalidTransitionException>(() =>
            payment.OfferQuote(PaymentBuilder.Quote(payment.Amount, Currency.FromCode("USD"), 0.139863m), T0));
    }

    [Fact]
    public void CheckConfirmedQuote_NotConfirmed_SendsThePayerBackToTheAmount()
    {
        var payment = new PaymentBuilder().PaidFrom("USD", 0.139863m).Build();
        var version = payment.Version;

        var refused = Assert.Throws<DomainValidationException>(() => payment.CheckConfirmedQuote(null, T0.AddMinutes(1)));

        Assert.Contains("confirm", refused.Errors["Quote"][0], StringComparison.Ordinal);
        Assert.Equal((PaymentStatus.Started, version), (payment.Status, payment.Version));
    }

    [Fact]
    public void CheckConfirmedQuote_Expired_SaysSoAndChangesNothing()
    {
        var payment = new PaymentBuilder().PaidFrom("USD", 0.139863m).Build();

        var refused = Assert.Throws<DomainValidationException>(() => payment.CheckConfirmedQuote(payment.QuoteId, T0.AddMinutes(10)));

        Assert.Equal(Payment.QuoteExpiredMessage, refused.Errors["Quote"][0]);
        Assert.Equal(PaymentStep.MethodChosen, payment.Step);
    }

    [Fact]
    public void CheckConfirmedQuote_WithinItsTime_LetsThePaymentGoOn()
    {
        var payment = new PaymentBuilder().PaidFrom("USD", 0.139863m).Build();

        payment.CheckConfirmedQuote(payment.QuoteId, T0.AddMinutes(9));
    }

    [Fact]
    public void CheckConfirmedQuote_QuoteIdWithoutQuote_IsRefused()
    {
        var payment = new PaymentBuilder().Build();

        Assert.Throws<DomainValidationException>(() => payment.CheckConfirmedQuote("q_other", T0));
    }

    [Fact]
    public void WithdrawQuote_AccountInTheSameCurrency_ClearsIt()
    {
        var payment = new PaymentBuilder().PaidFrom("USD", 0.139863m).Build();

        payment.WithdrawQuote();

        Assert.Null(payment.Quote);
        payment.CheckConfirmedQuote(null, T0);
    }

    [Fact]
    public void RequestRefund_CrossBorderHalf_HoldsThePayersShare()
    {
        var paid = PaidPayment.CrossBorder(100m, "JPY", 20.8493m);

        var refund = paid.Payment.RequestRefund(paid.Merchant, paid.Manager, Money.Of(50m, "CNY"), RefundReason.RequestedByCustomer, null,
            "refund-1", PaidPayment.PaidAt.AddHours(1));

        Assert.Equal(Money.Of(1042m, "JPY"), refund.PayerAmount); // ⌊2085 × 50 ÷ 100⌋
    }

    [Fact]
    public void RequestRefund_ShareRoundsToNothing_IsRefusedWithWhy()
    {
        var paid = PaidPayment.CrossBorder(100m, "JPY", 20.8493m);

        var refused = Assert.Throws<DomainValidationException>(() => paid.Payment.RequestRefund(paid.Merchant, paid.Manager,
            Money.Of(0.01m, "CNY"), RefundReason.RequestedByCustomer, null, "refund-1", PaidPayment.PaidAt.AddHours(1)));

        Assert.Contains("smallest amount in JPY", refused.Errors["Amount"][0], StringComparison.Ordinal);
        Assert.Equal(0, paid.Payment.RefundsInFlightMinorUnits);
    }
}
