using Portal.Domain.Common;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

/// <summary>Four-eyes: above the merchant's threshold a refund waits for a second Manager or Owner.</summary>
public sealed class RefundApprovalTests
{
    private static readonly DateTimeOffset Now = PaidPayment.PaidAt.AddMinutes(5);

    [Fact]
    public void Request_AtThreshold_ApprovedAtOnce()
    {
        var paid = PaidPayment.Of(5_000m);

        var refund = Request(paid, 1_000m);

        Assert.False(refund.NeedsApproval);
        Assert.Equal(RefundStatus.Processing, refund.Status);
        Assert.Equal("Mia Manager", refund.ApprovedByName);
    }

    [Fact]
    public void Request_AboveThreshold_WaitsAndHoldsItsAmount()
    {
        var paid = PaidPayment.Of(5_000m);

        var refund = Request(paid, 1_000.01m);

        Assert.True(refund.NeedsApproval);
        Assert.Equal(RefundStatus.PendingApproval, refund.Status);
        Assert.Equal(Money.Of(3_999.99m, Currency.CNY), paid.Payment.Refundable);
    }

    [Fact]
    public void Approve_ByRequester_Refused()
    {
        var paid = PaidPayment.Of(5_000m);
        var refund = Request(paid, 2_000m);

        var ex = Assert.Throws<DomainValidationException>(() => refund.Approve(paid.Manager, Now));

        Assert.Contains("second", ex.Errors["Approver"][0]);
        Assert.Equal(RefundStatus.PendingApproval, refund.Status);
        Assert.False(refund.CanBeDecidedBy(paid.Manager));
    }

    [Fact]
    public void Approve_ByViewer_Forbidden()
    {
        var paid = PaidPayment.Of(5_000m);
        var refund = Request(paid, 2_000m);

        Assert.Throws<ForbiddenException>(() => refund.Approve(paid.Viewer, Now));
    }

    [Fact]
    public void Approve_BySecondManagerOrOwner_MovesToStepTwoWithWhoAndWhen()
    {
        var paid = PaidPayment.Of(5_000m);
        var refund = Request(paid, 2_000m);

        refund.Approve(paid.Owner, Now.AddMinutes(1));

        Assert.Equal(RefundStatus.Processing, refund.Status);
        Assert.Equal(RefundStep.Approved, refund.Step);
        Assert.Equal("Olu Owner", refund.ApprovedByName);
        Assert.Equal(Now.AddMinutes(1), refund.ApprovedAt);
        Assert.Equal("Mia Manager", refund.RequestedByName);
    }

    [Fact]
    public void Reject_FreesTheAmountAndKeepsWhoAndWhy()
    {
        var paid = PaidPayment.Of(5_000m);
        var refund = Request(paid, 2_000m);

        refund.Reject(paid.Owner, "Goods not returned", Now);
        paid.Payment.ReleaseRefund(refund);

        Assert.Equal(RefundStatus.Rejected, refund.Status);
        Assert.Equal("Olu Owner", refund.RejectedByName);
        Assert.Contains("Goods not returned", refund.Note);
        Assert.Equal(Money.Of(5_000m, Currency.CNY), paid.Payment.Refundable);
    }

    [Fact]
    public void Approve_TwiceOrAfterRejection_Refused()
    {
        var paid = PaidPayment.Of(5_000m);
        var refund = Request(paid, 2_000m);
        refund.Reject(paid.Owner, null, Now);

        Assert.Throws<DomainValidationException>(() => refund.Approve(paid.Owner, Now));
    }

    [Fact]
    public void Steps_RunForwardOnly()
    {
        var paid = PaidPayment.Of(100m);
        var refund = Request(paid, 10m);

        Assert.Throws<InvalidTransitionException>(() => refund.MarkSent(Now));
        refund.CreateOrder(Now);
        Assert.Throws<InvalidTransitionException>(() => refund.CreateOrder(Now));
    }

    private static Refund Request(PaidPayment paid, decimal amount) =>
        paid.Payment.RequestRefund(paid.Merchant, paid.Manager, Money.Of(amount, Currency.CNY),
            RefundReason.RequestedByCustomer, null, Guid.NewGuid().ToString("N"), Now);
}
