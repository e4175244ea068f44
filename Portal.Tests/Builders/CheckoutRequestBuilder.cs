using Portal.Domain.Checkouts;

namespace Portal.Tests.Builders;

/// <summary>A request that <see cref="Checkout.Create"/> accepts for a <see cref="MerchantBuilder"/> default merchant.</summary>
public sealed class CheckoutRequestBuilder
{
    private decimal _amount = 250.00m;
    private string _currencyCode = "CNY";
    private string _description = "Two pots of Longjing tea";
    private DateTimeOffset _expiresAt = TestClock.Now.AddHours(1);
    private string? _merchantReference = "ORDER-1001";
    private string? _returnUrl = "https://shop.example/thanks";
    private PaymentMethods _allowedMethods = PaymentMethods.All;

    public CheckoutRequestBuilder WithAmount(decimal amount)
    {
        _amount = amount;
        return this;
    }

    public CheckoutRequestBuilder WithCurrency(string code)
    {
        _currencyCode = code;
        return this;
    }

    public CheckoutRequestBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    public CheckoutRequestBuilder WithExpiresAt(DateTimeOffset expiresAt)
    {
        _expiresAt = expiresAt;
        return this;
    }

    public CheckoutRequestBuilder WithMerchantReference(string? reference)
    {
        _merchantReference = reference;
        return this;
    }

    public CheckoutRequestBuilder WithReturnUrl(string? returnUrl)
    {
        _returnUrl = returnUrl;
        return this;
    }

    public CheckoutRequestBuilder WithAllowedMethods(PaymentMethods methods)
    {
        _allowedMethods = methods;
        return this;
    }

    public CheckoutRequest Build() =>
        new(_amount, _currencyCode, _description, _expiresAt, _merchantReference, _returnUrl, _allowedMethods);
}
