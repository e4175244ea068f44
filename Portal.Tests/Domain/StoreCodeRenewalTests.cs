using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class StoreCodeRenewalTests
{
    [Fact]
    public void RenewStoreCode_On_GivesNewTokenAndRetiresTheOld()
    {
        var merchant = new MerchantBuilder().Build();
        var old = merchant.EnableStoreCode();

        var retired = merchant.RenewStoreCode(TestClock.Now);

        Assert.Equal(old, retired.Token);
        Assert.Equal(merchant.Id, retired.MerchantId);
        Assert.Equal(TestClock.Now, retired.RetiredAt);
        Assert.NotEqual(old, merchant.StoreToken);
        Assert.True(CheckoutToken.IsWellFormed(merchant.StoreToken!));
    }

    [Fact]
    public void RenewStoreCode_NeverTurnedOn_IsRefused()
    {
        var merchant = new MerchantBuilder().Build();

        Assert.Throws<InvalidTransitionException>(() => merchant.RenewStoreCode(TestClock.Now));
        Assert.Null(merchant.StoreToken);
    }

    [Fact]
    public void SwitchStoreCodeOff_On_StopsStoreCheckoutsAndKeepsTheAddress()
    {
        var merchant = new MerchantBuilder().Build();
        var token = merchant.EnableStoreCode();

        merchant.SwitchStoreCodeOff(TestClock.Now);

        Assert.Equal(TestClock.Now, merchant.StoreCodeOffSince);
        Assert.Equal(token, merchant.StoreToken);
        Assert.Throws<NotFoundException>(() => Checkout.CreateAtStore(merchant, 5m, TestClock.Now));
    }

    [Fact]
    public void SwitchStoreCodeOff_AlreadyOff_IsRefused()
    {
        var merchant = new MerchantBuilder().Build();
        merchant.EnableStoreCode();
        merchant.SwitchStoreCodeOff(TestClock.Now);

        Assert.Throws<InvalidTransitionException>(() => merchant.SwitchStoreCodeOff(TestClock.Now));
    }

    [Fact]
    public void SwitchStoreCodeOn_AfterOff_TakesPaymentsAgain()
    {
        var merchant = new MerchantBuilder().Build();
        merchant.EnableStoreCode();
        merchant.SwitchStoreCodeOff(TestClock.Now);

        merchant.SwitchStoreCodeOn();

        Assert.True(merchant.IsStoreCodeTakingPayments);
        Assert.Equal(5m, Checkout.CreateAtStore(merchant, 5m, TestClock.Now).Amount.Amount);
    }

    [Fact]
    public void SwitchStoreCodeOn_AlreadyOn_IsRefused()
    {
        var merchant = new MerchantBuilder().Build();
        merchant.EnableStoreCode();

        Assert.Throws<InvalidTransitionException>(merchant.SwitchStoreCodeOn);
    }
}
