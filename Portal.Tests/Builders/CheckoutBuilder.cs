using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;

namespace Portal.Tests.Builders;

/// <summary>An open checkout of 250.00 CNY for a default merchant, created at <see cref="TestClock.Now"/>.</summary>
public sealed class CheckoutBuilder
{
    private Merchant? _merchant;
    private readonly CheckoutRequestBuilder _request = new();
    private DateTimeOffset _now = TestClock.Now;

    public CheckoutBuilder ForMerchant(Merchant merchant)
    {
        _merchant = merchant;
        return this;
    }

    public CheckoutBuilder WithAmount(decimal amount)
    {
        _request.WithAmount(amount);
        return this;
    }

    public CheckoutBuilder ExpiringAt(DateTimeOffset expiresAt)
    {
        _request.WithExpiresAt(expiresAt);
        return this;
    }

    public CheckoutBuilder WithAllowedMethods(PaymentMethods methods)
    {
        _request.WithAllowedMethods(methods);
        return this;
    }

    public Checkout Build() => Checkout.Create(_merchant ?? new MerchantBuilder().Build(), _request.Build(), _now);
}
