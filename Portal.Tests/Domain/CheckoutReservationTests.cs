using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Domain.Rails;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class CheckoutReservationTests
{
    private readonly Checkout _checkout = new CheckoutBuilder().ExpiringAt(TestClock.Now.AddHours(1)).Build();

    [Fact]
    public void TryReserve_OpenCheckout_ReservesForThePayment()
    {
        var payment = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);

        var refusal = _checkout.TryReserve(payment, TestClock.Now);

        Assert.Null(refusal);
        Assert.Equal(payment.Id, _checkout.ReservedByPaymentId);
    }

    [Fact]
    public void TryReserve_Succeeds_BumpsVersion()
    {
        var payment = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        var before = _checkout.Version;

        _checkout.TryReserve(payment, TestClock.Now);

        Assert.Equal(before + 1, _checkout.Version);
    }

    [Fact]
    public void TryReserve_ReservedByAnotherPayment_RefusesAsDuplicate()
    {
        var first = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        var second = _checkout.StartPayment(PaymentMethod.Fast, TestClock.Now);
        _checkout.TryReserve(first, TestClock.Now);

        var refusal = _checkout.TryReserve(second, TestClock.Now);

        Assert.Equal(FailureReason.Duplicate, refusal);
        Assert.Equal(first.Id, _checkout.ReservedByPaymentId);
    }

    [Fact]
    public void TryReserve_SamePaymentAgain_IsAccepted()
    {
        var payment = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        _checkout.TryReserve(payment, TestClock.Now);

        Assert.Null(_checkout.TryReserve(payment, TestClock.Now));
    }

    [Fact]
    public void TryReserve_PaymentOfAnotherCheckout_Throws()
    {
        var other = new CheckoutBuilder().Build().StartPayment(PaymentMethod.RealTime, TestClock.Now);

        Assert.Throws<DomainException>(() => _checkout.TryReserve(other, TestClock.Now));
    }

    [Fact]
    public void Release_ByReservingPayment_FreesCheckoutForAnother()
    {
        var first = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        var second = _checkout.StartPayment(PaymentMethod.Fast, TestClock.Now);
        _checkout.TryReserve(first, TestClock.Now);

        _checkout.Release(first);

        Assert.Null(_checkout.TryReserve(second, TestClock.Now));
    }

    [Fact]
    public void Release_ByPaymentNotHoldingReservation_KeepsReservation()
    {
        var first = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        var second = _checkout.StartPayment(PaymentMethod.Fast, TestClock.Now);
        _checkout.TryReserve(first, TestClock.Now);

        _checkout.Release(second);

        Assert.Equal(first.Id, _checkout.ReservedByPaymentId);
    }

    [Fact]
    public void MarkPaid_SucceededReservingPayment_ClosesCheckoutAsPaid()
    {
        var payment = SettledPayment();

        _checkout.MarkPaid(payment, TestClock.Now.AddMinutes(1));

        Assert.Equal(CheckoutStatus.Paid, _checkout.Status);
        Assert.Equal(payment.Id, _checkout.PaidByPaymentId);
        Assert.Null(_checkout.ReservedByPaymentId);
    }

    [Fact]
    public void MarkPaid_PaymentNotSucceeded_Throws()
    {
        var payment = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        _checkout.TryReserve(payment, TestClock.Now);

        Assert.Throws<InvalidTransitionException>(() => _checkout.MarkPaid(payment, TestClock.Now));
    }

    [Fact]
    public void StartPayment_AfterMarkPaid_ThrowsCheckoutClosedAsDuplicate()
    {
        _checkout.MarkPaid(SettledPayment(), TestClock.Now.AddMinutes(1));

        var ex = Assert.Throws<CheckoutClosedException>(
            () => _checkout.StartPayment(PaymentMethod.Fast, TestClock.Now.AddMinutes(2)));

        Assert.Equal(FailureReason.Duplicate, ex.Reason);
    }

    [Fact]
    public void TryReserve_AfterMarkPaid_RefusesAsDuplicate()
    {
        var late = _checkout.StartPayment(PaymentMethod.Fast, TestClock.Now);
        _checkout.MarkPaid(SettledPayment(), TestClock.Now.AddMinutes(1));

        Assert.Equal(FailureReason.Duplicate, _checkout.TryReserve(late, TestClock.Now.AddMinutes(2)));
    }

    [Fact]
    public void StartPayment_AfterExpiry_ThrowsCheckoutClosedAsExpired()
    {
        var ex = Assert.Throws<CheckoutClosedException>(
            () => _checkout.StartPayment(PaymentMethod.RealTime, _checkout.ExpiresAt));

        Assert.Equal(FailureReason.Expired, ex.Reason);
    }

    [Fact]
    public void TryReserve_AfterExpiry_RefusesAsExpired()
    {
        var payment = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);

        Assert.Equal(FailureReason.Expired, _checkout.TryReserve(payment, _checkout.ExpiresAt.AddSeconds(1)));
    }

    [Fact]
    public void StatusAt_PastExpiry_ReadsExpiredBeforeAnyJobClosesIt()
    {
        Assert.Equal(CheckoutStatus.Expired, _checkout.StatusAt(_checkout.ExpiresAt));
        Assert.Equal(CheckoutStatus.Open, _checkout.Status);
    }

    [Fact]
    public void CloseIfExpired_WhileReserved_KeepsCheckoutOpen()
    {
        var payment = _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        _checkout.TryReserve(payment, TestClock.Now);

        Assert.False(_checkout.CloseIfExpired(_checkout.ExpiresAt.AddMinutes(1)));
    }

    [Fact]
    public void StartPayment_MethodNotAllowed_ThrowsForMethod()
    {
        var realTimeOnly = new CheckoutBuilder().WithAllowedMethods(PaymentMethods.RealTime).Build();

        var ex = Assert.Throws<DomainValidationException>(() => realTimeOnly.StartPayment(PaymentMethod.Fast, TestClock.Now));

        Assert.True(ex.Errors.ContainsKey("Method"));
    }

    // The reserving payment walked through its steps and settled by the rail, as the flow does it.
    private Payment SettledPayment()
    {
        var payment = new PaymentBuilder().ForCheckout(_checkout).AtStep(PaymentStep.OrderCreated).Build();
        Assert.Null(_checkout.TryReserve(payment, TestClock.Now));
        payment.MarkSent(TestClock.Now.AddSeconds(10));
        payment.RecordRailResult(
            new RailResult(payment.OrderId, RailOrderStatus.Settled, null, TestClock.Now.AddSeconds(11), TestClock.Now.AddSeconds(12), "R-1"),
            TestClock.Now.AddSeconds(13));
        return payment;
    }
}
