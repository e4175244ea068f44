using System.Globalization;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class CheckoutCreateTests
{
    private readonly Merchant _merchant = new MerchantBuilder().WithMaxCheckoutAmount(50_000m).Build();

    [Fact]
    public void Create_ValidRequest_IsOpenForItsAmount()
    {
        var checkout = Checkout.Create(_merchant, new CheckoutRequestBuilder().WithAmount(250m).Build(), TestClock.Now);

        Assert.Equal(CheckoutStatus.Open, checkout.Status);
        Assert.Equal(Money.Of(250m, "CNY"), checkout.Amount);
    }

    [Fact]
    public void Create_ValidRequest_GetsWellFormedToken()
    {
        var checkout = Checkout.Create(_merchant, new CheckoutRequestBuilder().Build(), TestClock.Now);

        Assert.True(CheckoutToken.IsWellFormed(checkout.Token));
    }

    [Fact]
    public void Create_AmountAtMerchantLimit_IsAccepted()
    {
        var checkout = Checkout.Create(_merchant, new CheckoutRequestBuilder().WithAmount(50_000m).Build(), TestClock.Now);

        Assert.Equal(5_000_000, checkout.AmountMinorUnits);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-100")]
    public void Create_AmountNotPositive_ThrowsForAmount(string amount)
    {
        AssertRefused(new CheckoutRequestBuilder().WithAmount(decimal.Parse(amount, CultureInfo.InvariantCulture)), "Amount");
    }

    [Fact]
    public void Create_TooManyDecimals_ThrowsForAmount()
    {
        AssertRefused(new CheckoutRequestBuilder().WithAmount(10.005m), "Amount");
    }

    [Fact]
    public void Create_DecimalsForZeroDecimalCurrency_ThrowsForAmount()
    {
        var yenMerchant = new MerchantBuilder().WithCurrency("JPY").Build();
        var request = new CheckoutRequestBuilder().WithCurrency("JPY").WithAmount(100.5m).Build();

        var ex = Assert.Throws<DomainValidationException>(() => Checkout.Create(yenMerchant, request, TestClock.Now));

        Assert.True(ex.Errors.ContainsKey(nameof(CheckoutRequest.Amount)));
    }

    [Fact]
    public void Create_UnknownCurrency_ThrowsForCurrencyCode()
    {
        AssertRefused(new CheckoutRequestBuilder().WithCurrency("XXX"), "CurrencyCode");
    }

    [Fact]
    public void Create_CurrencyOtherThanMerchants_ThrowsForCurrencyCode()
    {
        AssertRefused(new CheckoutRequestBuilder().WithCurrency("USD"), "CurrencyCode");
    }

    [Fact]
    public void Create_AboveMerchantLimit_ThrowsForAmount()
    {
        AssertRefused(new CheckoutRequestBuilder().WithAmount(50_000.01m), "Amount");
    }

    [Fact]
    public void Create_ExpiryInPast_ThrowsForExpiresAt()
    {
        AssertRefused(new CheckoutRequestBuilder().WithExpiresAt(TestClock.Now.AddMinutes(-1)), "ExpiresAt");
    }

    [Fact]
    public void Create_ExpiryNow_ThrowsForExpiresAt()
    {
        AssertRefused(new CheckoutRequestBuilder().WithExpiresAt(TestClock.Now), "ExpiresAt");
    }

    [Fact]
    public void Create_ExpiryBeyondMaxLifetime_ThrowsForExpiresAt()
    {
        AssertRefused(new CheckoutRequestBuilder().WithExpiresAt(TestClock.Now + Checkout.MaxLifetime + TimeSpan.FromSeconds(1)), "ExpiresAt");
    }

    [Fact]
    public void Create_EmptyDescription_ThrowsForDescription()
    {
        AssertRefused(new CheckoutRequestBuilder().WithDescription("   "), "Description");
    }

    [Fact]
    public void Create_DescriptionTooLong_ThrowsForDescription()
    {
        AssertRefused(new CheckoutRequestBuilder().WithDescription(new string('茶', Checkout.DescriptionMaxLength + 1)), "Description");
    }

    [Fact]
    public void Create_DescriptionAtMaxLength_IsAccepted()
    {
        var request = new CheckoutRequestBuilder().WithDescription(new string('茶', Checkout.DescriptionMaxLength)).Build();

        var checkout = Checkout.Create(_merchant, request, TestClock.Now);

        Assert.Equal(Checkout.DescriptionMaxLength, checkout.Description.Length);
    }

    [Fact]
    public void Create_ReferenceTooLong_ThrowsForMerchantReference()
    {
        AssertRefused(new CheckoutRequestBuilder().WithMerchantReference(new string('R', Checkout.ReferenceMaxLength + 1)), "MerchantReference");
    }

    [Fact]
    public void Create_BlankReference_IsStoredAsNull()
    {
        var checkout = Checkout.Create(_merchant, new CheckoutRequestBuilder().WithMerchantReference("  ").Build(), TestClock.Now);

        Assert.Null(checkout.MerchantReference);
    }

    [Theory]
    [InlineData("shop.example/thanks")]
    [InlineData("/thanks")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://shop.example/thanks")]
    [InlineData("file:///etc/passwd")]
    public void Create_ReturnUrlNotAbsoluteHttp_ThrowsForReturnUrl(string returnUrl)
    {
        AssertRefused(new CheckoutRequestBuilder().WithReturnUrl(returnUrl), "ReturnUrl");
    }

    [Fact]
    public void Create_ReturnUrlTooLong_ThrowsForReturnUrl()
    {
        AssertRefused(new CheckoutRequestBuilder().WithReturnUrl("https://shop.example/" + new string('a', Checkout.ReturnUrlMaxLength)), "ReturnUrl");
    }

    [Fact]
    public void Create_NoMethods_ThrowsForAllowedMethods()
    {
        AssertRefused(new CheckoutRequestBuilder().WithAllowedMethods(PaymentMethods.None), "AllowedMethods");
    }

    [Fact]
    public void Create_OnlyUnknownMethodFlags_ThrowsForAllowedMethods()
    {
        AssertRefused(new CheckoutRequestBuilder().WithAllowedMethods((PaymentMethods)8), "AllowedMethods");
    }

    [Fact]
    public void Create_SeveralBadFields_NamesEveryOne()
    {
        var request = new CheckoutRequestBuilder().WithAmount(0m).WithDescription("").WithAllowedMethods(PaymentMethods.None).Build();

        var ex = Assert.Throws<DomainValidationException>(() => Checkout.Create(_merchant, request, TestClock.Now));

        Assert.Equal(new[] { "AllowedMethods", "Amount", "Description" }, ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private void AssertRefused(CheckoutRequestBuilder request, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Checkout.Create(_merchant, request.Build(), TestClock.Now));

        Assert.Equal(new[] { field }, ex.Errors.Keys);
    }
}
