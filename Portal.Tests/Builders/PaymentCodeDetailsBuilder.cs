using Portal.Domain.Common;
using Portal.Domain.Qr;

namespace Portal.Tests.Builders;

/// <summary>Details of a CNY 12.50 one-time payment code for the Lotus Tea House unless a test says otherwise.</summary>
public sealed class PaymentCodeDetailsBuilder
{
    public static readonly Guid DefaultPaymentId = Guid.Parse("0195a8e2-7c1d-7b3e-9a00-1234567890ab");

    private Guid _paymentId = DefaultPaymentId;
    private Money _amount = Money.Of(12.50m, "CNY");
    private string _name = "Lotus Tea House";
    private string _city = "Hangzhou";

    public PaymentCodeDetailsBuilder WithPaymentId(Guid paymentId)
    {
        _paymentId = paymentId;
        return this;
    }

    public PaymentCodeDetailsBuilder WithAmount(decimal amount, string currency)
    {
        _amount = Money.Of(amount, currency);
        return this;
    }

    public PaymentCodeDetailsBuilder WithMinorUnits(long minorUnits, string currency)
    {
        _amount = Money.FromMinorUnits(minorUnits, currency);
        return this;
    }

    public PaymentCodeDetailsBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public PaymentCodeDetailsBuilder WithCity(string city)
    {
        _city = city;
        return this;
    }

    public PortalPaymentCodeDetails Build() => new(_paymentId, _amount, _name, _city, "CN", "5812");

    public string BuildCode() => PortalPaymentCode.Build(Build());
}
