using Portal.Domain.Common;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

/// <summary>Four-eyes counts what was asked for before: a payment's refunds together, and one person's refunds of the day.</summary>
public sealed class RefundCumulativeApprovalTests
{
    private static readonly DateTimeOffset Now = PaidPayment.PaidAt.AddMinutes(5);

    [Fact]
    public void Request_FiveOfAThousandOnOnePayment_TheSecondWaits()
    {
        var paid = PaidPayment.Of(5_000m);

        var refunds = Enumerable.Range(0, 5).Select(i => Request(paid, 1_000m, $"k{i}")).ToList();

        Assert.False(refunds[0].NeedsApproval);
        Assert.All(refunds.Skip(1), r => Assert.True(r.NeedsApproval));
        Assert.Equal("This payment's refunds would total CNY 2,000.00, above the CNY 1,000.00 threshold.", refunds[1].ApprovalReason);
        Assert.Null(refunds[0].ApprovalReason);
    }

    [Fact]
    public void Request_AfterARejectedRefund_RejectedAmountIsNotCounted()
    {
        var paid = PaidPayment.Of(5_000m);
        var first = Request(paid, 800m, "k1");
        var second = Request(paid, 800m, "k2");
        second.Reject(paid.Owner, null, Now);
        paid.Payment.ReleaseRefund(second);

        var third = Request(paid, 200m, "k3");

        Assert.False(first.NeedsApproval);
        Assert.True(second.NeedsApproval);
        Assert.False(third.NeedsApproval);
    }

    [Fact]
    public void Request_ActorsRefundsTodayAboveThreshold_Waits()
    {
        var paid = PaidPayment.Of(5_000m);

        var refund = paid.Payment.RequestRefund(paid.Merchant, paid.Manager, Money.Of(300m, Currency.CNY), RefundReason.RequestedByCustomer,
            null, "k", Now, actorRefundsToday: Money.Of(800m, Currency.CNY));

        Assert.True(refund.NeedsApproval);
        Assert.Equal("Mia Manager's refunds today would total CNY 1,100.00, above the CNY 1,000.00 threshold.", refund.ApprovalReason);
    }

    [Fact]
    public void Request_ActorsRefundsTodayUpToThreshold_ApprovedAtOnce()
    {
        var paid = PaidPayment.Of(5_000m);

        var refund = paid.Payment.RequestRefund(paid.Merchant, paid.Manager, Money.Of(200m, Currency.CNY), RefundReason.RequestedByCustomer,
            null, "k", Now, actorRefundsToday: Money.Of(800m, Currency.CNY));

        Assert.False(refund.NeedsApproval);
        Assert.Equal(RefundStatus.Processing, refund.Status);
    }

    [Fact]
    public void Request_AboveThresholdOnItsOwn_SaysSo()
    {
        var paid = PaidPayment.Of(5_000m);

        var refund = Request(paid, 1_500m, "k");

        Assert.Equal("CNY 1,500.00 is above the CNY 1,000.00 threshold.", refund.ApprovalReason);
    }

    private static Refund Request(PaidPayment paid, decimal amount, string key) =>
        paid.Payment.RequestRefund(paid.Merchant, paid.Manager, Money.Of(amount, Currency.CNY), RefundReason.RequestedByCustomer,
            null, key, Now);
}
