using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class CheckoutDeactivateTests
{
    private readonly Merchant _merchant = new MerchantBuilder().Build();

    private StaffActor Actor(StaffRole role, Guid? merchantId = null) => new(merchantId ?? _merchant.Id, "user-1", "Staff", role);

    [Fact]
    public void Deactivate_OpenLinkByManager_IsCancelled()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();

        checkout.Deactivate(Actor(StaffRole.Manager), TestClock.Now.AddMinutes(1));

        Assert.Equal(CheckoutStatus.Cancelled, checkout.Status);
        Assert.Equal(TestClock.Now.AddMinutes(1), checkout.DeactivatedAt);
    }

    [Fact]
    public void Deactivate_ByViewer_IsForbidden()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();

        Assert.Throws<ForbiddenException>(() => checkout.Deactivate(Actor(StaffRole.Viewer), TestClock.Now));
        Assert.Equal(CheckoutStatus.Open, checkout.Status);
    }

    [Fact]
    public void Deactivate_ByAnotherMerchantsOwner_IsNotFound()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();

        Assert.Throws<NotFoundException>(() => checkout.Deactivate(Actor(StaffRole.Owner, Guid.NewGuid()), TestClock.Now));
        Assert.Equal(CheckoutStatus.Open, checkout.Status);
    }

    [Fact]
    public void Deactivate_ExpiredLink_IsInvalidTransition()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).ExpiringAt(TestClock.Now.AddHours(1)).Build();

        Assert.Throws<InvalidTransitionException>(() => checkout.Deactivate(Actor(StaffRole.Owner), TestClock.Now.AddHours(2)));
    }

    [Fact]
    public void Deactivate_Twice_IsInvalidTransition()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();
        checkout.Deactivate(Actor(StaffRole.Owner), TestClock.Now);

        Assert.Throws<InvalidTransitionException>(() => checkout.Deactivate(Actor(StaffRole.Owner), TestClock.Now));
    }

    [Fact]
    public void Deactivate_WhilePaymentWithBank_IsRefused()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();
        var payment = checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now);
        Assert.Null(checkout.TryReserve(payment, TestClock.Now));

        var refused = Assert.Throws<DomainException>(() => checkout.Deactivate(Actor(StaffRole.Owner), TestClock.Now));

        Assert.Contains("with the bank", refused.Message, StringComparison.Ordinal);
        Assert.Equal(CheckoutStatus.Open, checkout.Status);
    }

    [Fact]
    public void StartPayment_DeactivatedLink_IsClosedAsNoLongerActive()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();
        checkout.Deactivate(Actor(StaffRole.Manager), TestClock.Now);

        var closed = Assert.Throws<CheckoutClosedException>(() => checkout.StartPayment(PaymentMethod.RealTime, TestClock.Now));

        Assert.Equal(FailureReason.Deactivated, closed.Reason);
    }

    [Fact]
    public void TryReserve_QrShownBeforeDeactivation_IsRefused()
    {
        var checkout = new CheckoutBuilder().ForMerchant(_merchant).Build();
        var payment = checkout.StartPayment(PaymentMethod.Fast, TestClock.Now);
        checkout.Deactivate(Actor(StaffRole.Manager), TestClock.Now);

        Assert.Equal(FailureReason.Deactivated, checkout.TryReserve(payment, TestClock.Now));
    }
}
