using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

/// <summary>What a payment may still give back: paid − refunded − refunds in flight, in its currency, in its window.</summary>
public sealed class RefundRulesTests
{
    private static readonly DateTimeOffset Now = PaidPayment.PaidAt.AddMinutes(5);

    [Fact]
    public void RequestRefund_Partial_HoldsAmountAndLeavesTheRestRefundable()
    {
        var paid = PaidPayment.Of(100.00m);

        var refund = Request(paid, 30.00m);

        Assert.Equal(RefundStatus.Processing, refund.Status);
        Assert.Equal(RefundStep.Approved, refund.Step);
        Assert.Equal(Money.Of(70.00m, Currency.CNY), paid.Payment.Refundable);
    }

    [Fact]
    public void RequestRefund_SeveralPartials_UntilNothingIsLeft()
    {
        var paid = PaidPayment.Of(10.00m);

        Request(paid, 3.33m);
        Request(paid, 3.33m);
        Request(paid, 3.34m);

        Assert.Equal(0, paid.Payment.Refundable.MinorUnits);
        var ex = Assert.Throws<DomainValidationException>(() => Request(paid, 0.01m));
        Assert.Contains("Nothing is left", ex.Errors["Amount"][0]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.00")]
    [InlineData("100.01")]
    public void RequestRefund_ZeroNegativeOrTooMuch_RefusedAndNothingHeld(string amount)
    {
        var paid = PaidPayment.Of(100.00m);
        var version = paid.Payment.Version;

        Assert.Throws<DomainValidationException>(() => Request(paid, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(100_00, paid.Payment.Refundable.MinorUnits);
        Assert.Equal(version, paid.Payment.Version);
    }

    [Fact]
    public void RequestRefund_OtherCurrency_Refused()
    {
        var paid = PaidPayment.Of(100.00m);

        var ex = Assert.Throws<DomainValidationException>(() => paid.Payment.RequestRefund(paid.Merchant, paid.Manager,
            Money.Of(1m, Currency.FromCode("EUR")), RefundReason.RequestedByCustomer, null, "k", Now));

        Assert.Contains("CNY", ex.Errors["Amount"][0]);
    }

    [Fact]
    public void RequestRefund_PaymentNotSucceeded_Refused()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();
        var merchant = new MerchantBuilder().Build();
        var actor = new StaffActor(payment.MerchantId, "m", "M", StaffRole.Manager);

        Assert.Throws<NotFoundException>(() => payment.RequestRefund(merchant, actor, Money.Of(1m, Currency.CNY),
            RefundReason.RequestedByCustomer, null, "k", Now));
    }

    [Fact]
    public void RequestRefund_PendingPayment_RefusedAsNotSucceeded()
    {
        var merchant = new MerchantBuilder().Build();
        var checkout = new CheckoutBuilder().ForMerchant(merchant).WithAmount(10m).Build();
        var payment = new PaymentBuilder().ForCheckout(checkout).AtStep(PaymentStep.OrderSent).Build();
        var actor = new StaffActor(merchant.Id, "m", "M", StaffRole.Manager);

        var ex = Assert.Throws<DomainValidationException>(() => payment.RequestRefund(merchant, actor, Money.Of(1m, Currency.CNY),
            RefundReason.RequestedByCustomer, null, "k", Now));

        Assert.Contains("succeeded", ex.Errors["Amount"][0]);
    }

    [Fact]
    public void RequestRefund_AfterTheWindow_Refused()
    {
        var paid = PaidPayment.Of(100.00m);
        paid.Merchant.ConfigureRefunds(30, Money.Of(1_000m, Currency.CNY), "Owner", PaidPayment.PaidAt, TimeSpan.FromHours(24));

        var ex = Assert.Throws<DomainValidationException>(() => paid.Payment.RequestRefund(paid.Merchant, paid.Manager,
            Money.Of(1m, Currency.CNY), RefundReason.RequestedByCustomer, null, "k", PaidPayment.PaidAt.AddDays(31)));

        Assert.Contains("30 days", ex.Errors["Amount"][0]);
    }

    [Fact]
    public void RequestRefund_ByViewer_Forbidden()
    {
        var paid = PaidPayment.Of(100.00m);

        Assert.Throws<ForbiddenException>(() => paid.Payment.RequestRefund(paid.Merchant, paid.Viewer, Money.Of(1m, Currency.CNY),
            RefundReason.RequestedByCustomer, null, "k", Now));
    }

    [Fact]
    public void RequestRefund_ByAnotherMerchantsOwner_ReadsAsNotFound()
    {
        var paid = PaidPayment.Of(100.00m);
        var stranger = new StaffActor(Guid.NewGuid(), "x", "X", StaffRole.Owner);

        Assert.Throws<NotFoundException>(() => paid.Payment.RequestRefund(paid.Merchant, stranger, Money.Of(1m, Currency.CNY),
            RefundReason.RequestedByCustomer, null, "k", Now));
    }

    [Fact]
    public void RequestRefund_OtherWithoutNote_AsksWhy()
    {
        var paid = PaidPayment.Of(100.00m);

        var ex = Assert.Throws<DomainValidationException>(() => paid.Payment.RequestRefund(paid.Merchant, paid.Manager,
            Money.Of(1m, Currency.CNY), RefundReason.Other, "  ", "k", Now));

        Assert.True(ex.Errors.ContainsKey(nameof(Refund.Note)));
    }

    [Fact]
    public void SettleAndRelease_MoveTheHeldAmount()
    {
        var paid = PaidPayment.Of(100.00m);
        var settled = Request(paid, 40m);
        var failed = Request(paid, 10m);
        Send(settled);
        Send(failed);

        settled.RecordRailResult(Result(settled, Portal.Domain.Rails.RailOrderStatus.Settled), Now);
        paid.Payment.SettleRefund(settled);
        failed.RecordRailResult(Result(failed, Portal.Domain.Rails.RailOrderStatus.Rejected, FailureReason.InsufficientFunds), Now);
        paid.Payment.ReleaseRefund(failed);

        Assert.Equal(Money.Of(40m, Currency.CNY), paid.Payment.Refunded);
        Assert.Equal(Money.Of(60m, Currency.CNY), paid.Payment.Refundable);
        Assert.Equal(RefundFailures.MerchantLacksFunds.Message, failed.FailureMessage);
    }

    private static Refund Request(PaidPayment paid, decimal amount) =>
        paid.Payment.RequestRefund(paid.Merchant, paid.Manager, Money.Of(amount, Currency.CNY), RefundReason.RequestedByCustomer,
            null, Guid.NewGuid().ToString("N"), Now);

    private static void Send(Refund refund)
    {
        refund.CreateOrder(Now);
        refund.MarkSent(Now);
    }

    private static Portal.Domain.Rails.RailResult Result(Refund refund, Portal.Domain.Rails.RailOrderStatus status,
        FailureReason? failure = null) => new(refund.OrderId, status, failure, Now, Now, null);
}
