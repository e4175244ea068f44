using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class StoreCheckoutTests
{
    [Fact]
    public void CreateAtStore_StoreCodeOff_IsNotFound()
    {
        var merchant = new MerchantBuilder().Build();

        Assert.Throws<NotFoundException>(() => Checkout.CreateAtStore(merchant, 12.50m, TestClock.Now));
    }

    [Fact]
    public void CreateAtStore_ValidAmount_IsOneHourCheckoutInMerchantsCurrency()
    {
        var merchant = new MerchantBuilder().Build();
        merchant.EnableStoreCode();

        var checkout = Checkout.CreateAtStore(merchant, 12.50m, TestClock.Now);

        Assert.Equal(Money.Of(12.50m, "CNY"), checkout.Amount);
        Assert.Equal(TestClock.Now + Checkout.StoreCheckoutLifetime, checkout.ExpiresAt);
        Assert.Equal(Checkout.StoreReference, checkout.MerchantReference);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.005")]
    public void CreateAtStore_BadAmount_IsRefusedOnAmount(string amount)
    {
        var merchant = new MerchantBuilder().Build();
        merchant.EnableStoreCode();

        var refused = Assert.Throws<DomainValidationException>(() =>
            Checkout.CreateAtStore(merchant, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), TestClock.Now));

        Assert.Equal([nameof(CheckoutRequest.Amount)], refused.Errors.Keys);
    }

    [Fact]
    public void CreateAtStore_YenWithDecimals_SaysNoDecimalPlaces()
    {
        var merchant = new MerchantBuilder().WithCurrency("JPY").Build();
        merchant.EnableStoreCode();

        var refused = Assert.Throws<DomainValidationException>(() => Checkout.CreateAtStore(merchant, 100.5m, TestClock.Now));

        Assert.Contains("no decimal places", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnableStoreCode_Twice_KeepsTheSameToken()
    {
        var merchant = new MerchantBuilder().Build();

        var first = merchant.EnableStoreCode();

        Assert.Equal(first, merchant.EnableStoreCode());
        Assert.True(CheckoutToken.IsWellFormed(first));
    }
}
