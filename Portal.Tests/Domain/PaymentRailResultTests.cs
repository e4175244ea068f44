using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class PaymentRailResultTests
{
    // The builder sends the order (step 4) at T0 + 3 s.
    private static readonly DateTimeOffset T0 = TestClock.Now;
    private static readonly DateTimeOffset SentAt = PaymentBuilder.StepTime(PaymentStep.OrderSent);

    private readonly Payment _payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();

    [Fact]
    public void RecordRailResult_Settled_Succeeds()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Settled, SentAt.AddSeconds(1), SentAt.AddSeconds(2)), SentAt.AddSeconds(3));

        Assert.Equal((PaymentStatus.Succeeded, PaymentStep.PayeeProcessed, "R-1"), (_payment.Status, _payment.Step, _payment.RailReference));
    }

    [Fact]
    public void RecordRailResult_SettledWithoutVerifiedAt_StillRecordsStepFive()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Settled, null, SentAt.AddSeconds(2)), SentAt.AddSeconds(3));

        Assert.Equal(SentAt.AddSeconds(2), _payment.PayeeVerifiedAt);
    }

    [Fact]
    public void RecordRailResult_RejectedAtVerification_FailsAtStepFive()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Rejected, null, null, FailureReason.UnknownAccount), SentAt.AddSeconds(1));

        Assert.Equal((PaymentStatus.Failed, PaymentStep.PayeeVerified, "AC01"), (_payment.Status, _payment.FailedAtStep, _payment.FailureCode));
    }

    [Fact]
    public void RecordRailResult_RejectedAtVerification_RecordsNoVerification()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Rejected, null, null, FailureReason.UnknownAccount), SentAt.AddSeconds(1));

        Assert.Null(_payment.PayeeVerifiedAt);
    }

    [Fact]
    public void RecordRailResult_RejectedAfterVerification_FailsAtStepSix()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Rejected, SentAt.AddSeconds(1), null, FailureReason.InsufficientFunds), SentAt.AddSeconds(2));

        Assert.Equal((PaymentStatus.Failed, PaymentStep.PayeeProcessed, "AM04"), (_payment.Status, _payment.FailedAtStep, _payment.FailureCode));
    }

    [Fact]
    public void RecordRailResult_RejectedWithoutReason_FailsAsRefused()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Rejected, null, null), SentAt.AddSeconds(1));

        Assert.Equal(FailureReason.Refused, _payment.Failure);
    }

    [Fact]
    public void RecordRailResult_Accepted_StaysProcessingAfterVerification()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Accepted, SentAt.AddSeconds(1), null), SentAt.AddSeconds(1));

        Assert.Equal((PaymentStatus.Processing, PaymentStep.PayeeVerified), (_payment.Status, _payment.Step));
    }

    [Fact]
    public void RecordRailResult_SettledAfterAccepted_Succeeds()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Accepted, SentAt.AddSeconds(1), null), SentAt.AddSeconds(1));

        _payment.RecordRailResult(Result(RailOrderStatus.Settled, SentAt.AddSeconds(1), SentAt.AddSeconds(30)), SentAt.AddSeconds(31));

        Assert.Equal((PaymentStatus.Succeeded, SentAt.AddSeconds(30)), (_payment.Status, _payment.PayeeProcessedAt));
    }

    [Fact]
    public void RecordRailResult_RailInstantBeforePreviousStep_IsClampedToPreviousStep()
    {
        // The rail's clock runs behind ours: it claims to have verified before we sent.
        _payment.RecordRailResult(Result(RailOrderStatus.Settled, SentAt.AddSeconds(-30), SentAt.AddSeconds(-29)), SentAt.AddSeconds(1));

        Assert.Equal((SentAt, SentAt), (_payment.PayeeVerifiedAt, _payment.PayeeProcessedAt));
    }

    [Fact]
    public void RecordRailResult_RailInstantAfterNow_IsClampedToNow()
    {
        var now = SentAt.AddSeconds(2);

        _payment.RecordRailResult(Result(RailOrderStatus.Settled, SentAt.AddSeconds(1), SentAt.AddMinutes(5)), now);

        Assert.Equal(now, _payment.PayeeProcessedAt);
    }

    [Fact]
    public void Duration_Settled_IsStepOneToStepSix()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Settled, SentAt.AddSeconds(1), SentAt.AddSeconds(2)), SentAt.AddSeconds(3));

        Assert.Equal(SentAt.AddSeconds(2) - T0, _payment.Duration);
    }

    [Fact]
    public void Duration_NotProcessed_IsNull()
    {
        Assert.Null(_payment.Duration);
    }

    [Fact]
    public void SecondsPer100_Settled_IsDurationPerHundredUnits()
    {
        // 250.00 CNY in 5 s (step 1 at T0, step 6 at T0 + 5 s): 5 / 250 × 100 = 2 s per 100 CNY.
        _payment.RecordRailResult(Result(RailOrderStatus.Settled, SentAt.AddSeconds(1), T0.AddSeconds(5)), T0.AddSeconds(6));

        Assert.Equal(2m, _payment.SecondsPer100);
    }

    [Fact]
    public void SecondsPer100_SubSecondPayment_KeepsFourDecimals()
    {
        var payment = new PaymentBuilder().ForCheckout(new CheckoutBuilder().WithAmount(300m).Build()).AtStep(PaymentStep.OrderSent).Build();

        payment.RecordRailResult(
            new RailResult(payment.OrderId, RailOrderStatus.Settled, null, SentAt, SentAt.AddMilliseconds(1), "R-1"),
            SentAt.AddSeconds(1));

        // 3.001 s / 300 × 100 = 1.000333… → 1.0003
        Assert.Equal(1.0003m, payment.SecondsPer100);
    }

    [Fact]
    public void SecondsPer100_Failed_IsNull()
    {
        _payment.RecordRailResult(Result(RailOrderStatus.Rejected, null, null, FailureReason.InsufficientFunds), SentAt.AddSeconds(1));

        Assert.Null(_payment.SecondsPer100);
    }

    private RailResult Result(RailOrderStatus status, DateTimeOffset? verifiedAt, DateTimeOffset? processedAt, FailureReason? failure = null) =>
        new(_payment.OrderId, status, failure, verifiedAt, processedAt, status == RailOrderStatus.Settled ? "R-1" : null);
}
