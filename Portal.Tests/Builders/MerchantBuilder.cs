using Portal.Domain.Common;
using Portal.Domain.Merchants;

namespace Portal.Tests.Builders;

/// <summary>A valid CNY merchant unless a test says otherwise.</summary>
public sealed class MerchantBuilder
{
    private string _name = "Lotus Tea House";
    private string _city = "Hangzhou";
    private Currency _currency = Currency.CNY;
    private string _settlementAccount = "6200000000000001";
    private decimal _maxCheckoutAmount = 50_000m;
    private DateTimeOffset _now = TestClock.Now;

    public MerchantBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public MerchantBuilder WithCurrency(string code)
    {
        _currency = Currency.FromCode(code);
        return this;
    }

    public MerchantBuilder WithMaxCheckoutAmount(decimal amount)
    {
        _maxCheckoutAmount = amount;
        return this;
    }

    public Merchant Build() =>
        Merchant.Create(_name, _city, _currency, AccountNumber.Parse(_settlementAccount), _now,
            maxCheckoutAmount: _maxCheckoutAmount);
}
