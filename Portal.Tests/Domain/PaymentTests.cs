using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class PaymentTests
{
    private static readonly DateTimeOffset T0 = TestClock.Now;

    [Fact]
    public void HappyPath_AllSevenSteps_RecordsEveryStepTime()
    {
        var payment = new CheckoutBuilder().Build().StartPayment(PaymentMethod.RealTime, T0);

        payment.EnterDetails(PaymentBuilder.PayerAccount, "key-1", T0.AddSeconds(1));
        payment.CreateOrder(T0.AddSeconds(2));
        payment.MarkSent(T0.AddSeconds(3));
        payment.RecordRailResult(Settled(payment, verifiedAt: T0.AddSeconds(4), processedAt: T0.AddSeconds(5)), T0.AddSeconds(6));
        payment.MarkNotified(T0.AddSeconds(7));

        Assert.Equal(
            new DateTimeOffset?[] { T0, T0.AddSeconds(1), T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(4), T0.AddSeconds(5), T0.AddSeconds(7) },
            Enum.GetValues<PaymentStep>().Select(payment.TimeOf));
    }

    [Fact]
    public void HappyPath_AllSevenSteps_BumpsVersionAtEachStep()
    {
        var payment = new CheckoutBuilder().Build().StartPayment(PaymentMethod.RealTime, T0);
        var versions = new List<int> { payment.Version };

        payment.EnterDetails(PaymentBuilder.PayerAccount, "key-1", T0.AddSeconds(1));
        versions.Add(payment.Version);
        payment.CreateOrder(T0.AddSeconds(2));
        versions.Add(payment.Version);
        payment.MarkSent(T0.AddSeconds(3));
        versions.Add(payment.Version);
        payment.RecordRailResult(Settled(payment, T0.AddSeconds(4), T0.AddSeconds(5)), T0.AddSeconds(6));
        versions.Add(payment.Version);
        payment.MarkNotified(T0.AddSeconds(7));
        versions.Add(payment.Version);

        // The rail's answer completes two steps (5 and 6), so it moves the version by two.
        Assert.Equal(new[] { 1, 2, 3, 4, 6, 7 }, versions);
    }

    [Fact]
    public void HappyPath_AllSevenSteps_EndsSucceededAndNotified()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();

        payment.RecordRailResult(Settled(payment, T0.AddSeconds(4), T0.AddSeconds(5)), T0.AddSeconds(6));
        payment.MarkNotified(T0.AddSeconds(7));

        Assert.Equal((PaymentStatus.Succeeded, PaymentStep.Notified), (payment.Status, payment.Step));
    }

    [Fact]
    public void StartPayment_Always_BeginsAtStepOneWithVersionOne()
    {
        var payment = new CheckoutBuilder().Build().StartPayment(PaymentMethod.Fast, T0);

        Assert.Equal((PaymentStatus.Started, PaymentStep.MethodChosen, 1, T0), (payment.Status, payment.Step, payment.Version, payment.MethodChosenAt));
    }

    [Fact]
    public void EnterDetails_Always_KeepsOnlyMaskedAccount()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        Assert.Equal(PaymentBuilder.PayerAccount.Masked, payment.PayerAccountMasked);
    }

    [Fact]
    public void CreateOrder_AfterDetails_MovesToProcessing()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderCreated).Build();

        Assert.Equal(PaymentStatus.Processing, payment.Status);
    }

    [Fact]
    public void EnterDetails_Twice_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        Assert.Throws<InvalidTransitionException>(() => payment.EnterDetails(PaymentBuilder.PayerAccount, "key-2", T0.AddSeconds(5)));
    }

    [Fact]
    public void EnterDetails_Twice_KeepsFirstIdempotencyKey()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        Assert.ThrowsAny<DomainException>(() => payment.EnterDetails(PaymentBuilder.PayerAccount, "key-2", T0.AddSeconds(5)));

        Assert.Equal("idem-key-1", payment.IdempotencyKey);
    }

    [Fact]
    public void CreateOrder_BeforeDetails_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.MethodChosen).Build();

        Assert.Throws<InvalidTransitionException>(() => payment.CreateOrder(T0.AddSeconds(1)));
    }

    [Fact]
    public void MarkSent_BeforeCreateOrder_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        Assert.Throws<InvalidTransitionException>(() => payment.MarkSent(T0.AddSeconds(2)));
    }

    [Fact]
    public void MarkSent_Twice_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();

        Assert.Throws<InvalidTransitionException>(() => payment.MarkSent(T0.AddSeconds(4)));
    }

    [Fact]
    public void MarkNotified_BeforeResult_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();

        Assert.Throws<InvalidTransitionException>(() => payment.MarkNotified(T0.AddSeconds(4)));
    }

    [Fact]
    public void MarkNotified_Twice_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();
        payment.RecordRailResult(Settled(payment, T0.AddSeconds(4), T0.AddSeconds(5)), T0.AddSeconds(6));
        payment.MarkNotified(T0.AddSeconds(7));

        Assert.Throws<InvalidTransitionException>(() => payment.MarkNotified(T0.AddSeconds(8)));
    }

    [Fact]
    public void IllegalTransition_Refused_LeavesVersionUnchanged()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();
        var before = payment.Version;

        Assert.Throws<InvalidTransitionException>(() => payment.MarkSent(T0.AddSeconds(2)));

        Assert.Equal(before, payment.Version);
    }

    [Fact]
    public void RecordRailResult_BeforeOrderCreated_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        Assert.Throws<InvalidTransitionException>(
            () => payment.RecordRailResult(Settled(payment, T0.AddSeconds(4), T0.AddSeconds(5)), T0.AddSeconds(6)));
    }

    [Fact]
    public void RecordRailResult_ForAnotherOrder_Throws()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();
        var foreign = new RailResult(Guid.NewGuid(), RailOrderStatus.Settled, null, T0.AddSeconds(4), T0.AddSeconds(5), "R-9");

        Assert.Throws<DomainException>(() => payment.RecordRailResult(foreign, T0.AddSeconds(6)));
    }

    [Fact]
    public void RecordRailResult_AfterSucceeded_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderSent).Build();
        payment.RecordRailResult(Settled(payment, T0.AddSeconds(4), T0.AddSeconds(5)), T0.AddSeconds(6));

        Assert.Throws<InvalidTransitionException>(
            () => payment.RecordRailResult(Rejected(payment, FailureReason.InsufficientFunds, verifiedAt: null), T0.AddSeconds(7)));
    }

    [Fact]
    public void Fail_AfterFailed_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();
        payment.Fail(FailureReason.Duplicate, T0.AddSeconds(2));

        Assert.Throws<InvalidTransitionException>(() => payment.Fail(FailureReason.Timeout, T0.AddSeconds(3)));
    }

    [Fact]
    public void Fail_BeforeOrderCreated_FailsAtStepThree()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        payment.Fail(FailureReason.Duplicate, T0.AddSeconds(2));

        Assert.Equal((PaymentStatus.Failed, PaymentStep.OrderCreated, "DUPL"), (payment.Status, payment.FailedAtStep, payment.FailureCode));
    }

    [Fact]
    public void Abandon_Started_IsAbandoned()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.DetailsEntered).Build();

        payment.Abandon();

        Assert.Equal((PaymentStatus.Abandoned, "ABND"), (payment.Status, payment.FailureCode));
    }

    [Fact]
    public void Abandon_AfterOrderCreated_ThrowsInvalidTransition()
    {
        var payment = new PaymentBuilder().AtStep(PaymentStep.OrderCreated).Build();

        Assert.Throws<InvalidTransitionException>(payment.Abandon);
    }

    private static RailResult Settled(Payment payment, DateTimeOffset verifiedAt, DateTimeOffset processedAt) =>
        new(payment.OrderId, RailOrderStatus.Settled, null, verifiedAt, processedAt, "R-1");

    private static RailResult Rejected(Payment payment, FailureReason reason, DateTimeOffset? verifiedAt) =>
        new(payment.OrderId, RailOrderStatus.Rejected, reason, verifiedAt, null, null);
}
