using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class CheckoutAttemptLimitTests
{
    private readonly Checkout _checkout = new CheckoutBuilder().ExpiringAt(TestClock.Now.AddHours(1)).Build();

    [Fact]
    public void Release_AfterTenWrongPins_LinkRefusesFurtherPayments()
    {
        for (var i = 0; i < Checkout.MaxFailedAttempts; i++)
        {
            FailOnce(FailureReason.WrongPin);
        }

        var refusal = Assert.Throws<CheckoutClosedException>(() => _checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now));

        Assert.Equal("TMAT", refusal.Reason.Code);
    }

    [Fact]
    public void Release_InsufficientFunds_DoesNotCountTowardTheLimit()
    {
        for (var i = 0; i < Checkout.MaxFailedAttempts; i++)
        {
            FailOnce(FailureReason.InsufficientFunds);
        }

        Assert.Equal(0, _checkout.FailedAttempts);
        Assert.NotNull(_checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now));
    }

    [Fact]
    public void Release_TwentyUnknownAccounts_LinkStaysOpen()
    {
        for (var i = 0; i < 2 * Checkout.MaxFailedAttempts; i++)
        {
            FailOnce(FailureReason.UnknownAccount);
        }

        Assert.Equal(0, _checkout.FailedAttempts);
        Assert.False(_checkout.IsLockedAt(TestClock.Now));
        Assert.NotNull(_checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now));
    }

    [Fact]
    public void Release_ClosedAccount_DoesNotCount()
    {
        FailOnce(FailureReason.ClosedAccount);

        Assert.Equal(0, _checkout.FailedAttempts);
    }

    [Fact]
    public void Release_PinLockedByTheBank_Counts()
    {
        FailOnce(FailureReason.PinLocked);

        Assert.Equal(1, _checkout.FailedAttempts);
    }

    internal static void FailOnce(Checkout checkout, FailureReason reason)
    {
        var payment = checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        payment.EnterDetails(AccountNumber.Parse("6200000000000001"), Guid.NewGuid().ToString("N"), TestClock.Now);
        Assert.Null(checkout.TryReserve(payment, TestClock.Now));
        payment.CreateOrder(TestClock.Now);
        payment.Fail(reason, TestClock.Now);
        checkout.Release(payment);
    }

    private void FailOnce(FailureReason reason) => FailOnce(_checkout, reason);
}
