using Portal.Domain.Common;
using Portal.Domain.Qr;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain.Qr;

public sealed class PortalPaymentCodeTests
{
    private const string Reference = "0195a8e27c1d7b3e9a001234567890ab";

    // pix-bcb-manual-static from the shared vectors: a valid EMV code, but Banco Central's, not Portal's.
    private const string ForeignCode = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";

    [Fact]
    public void Build_DefaultDetails_IsAValidEmvCode()
    {
        var payload = new PaymentCodeDetailsBuilder().BuildCode();

        Assert.True(EmvQrCode.TryParse(payload, out _, out var problem), problem?.ToString());
    }

    [Fact]
    public void Build_DefaultDetails_EndsWithItsCrc()
    {
        var payload = new PaymentCodeDetailsBuilder().BuildCode();

        Assert.Equal(Crc16CcittFalse.ComputeHex(payload[..^4]), EmvQrCode.Parse(payload).Crc);
    }

    [Fact]
    public void Build_DefaultDetails_WritesTheGivenTopLevelValues()
    {
        var code = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().BuildCode());

        Assert.Equal(
            ("01", "12", "5812", "156", "12.50", "CN", "Lotus Tea House", "Hangzhou"),
            (code.PayloadFormat, code.PointOfInitiation, code.MerchantCategoryCode, code.CurrencyNumeric, code.Amount,
                code.CountryCode, code.MerchantName, code.MerchantCity));
    }

    [Fact]
    public void Build_DefaultDetails_Template26CarriesPortalIdentifierAndFullReference()
    {
        var template = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().BuildCode()).Find(EmvTags.MerchantAccount)!;

        Assert.Equal([("00", PortalPaymentCode.PortalIdentifier), ("01", Reference)], template.SubObjects.Select(o => (o.Id, o.Value)));
    }

    [Fact]
    public void Build_DefaultDetails_ReferenceLabelIsFirst25CharactersOfReference()
    {
        var code = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().BuildCode());

        Assert.Equal(Reference[..25], code.Find(EmvTags.AdditionalData)!.Find(EmvTags.ReferenceLabel));
    }

    [Fact]
    public void Build_LongMerchantName_IsCutTo25Characters()
    {
        var payload = new PaymentCodeDetailsBuilder().WithName("The Grand Lotus Tea House of West Lake").BuildCode();

        Assert.Equal("The Grand Lotus Tea House", EmvQrCode.Parse(payload).MerchantName);
    }

    [Fact]
    public void Build_LongCity_IsCutTo15Characters()
    {
        var payload = new PaymentCodeDetailsBuilder().WithCity("Hangzhou West Lake District").BuildCode();

        Assert.Equal("Hangzhou West L", EmvQrCode.Parse(payload).MerchantCity);
    }

    [Fact]
    public void Build_CutAtASpace_LeavesNoTrailingSpace()
    {
        var payload = new PaymentCodeDetailsBuilder().WithCity("Hangzhou Lakes District").BuildCode();

        Assert.Equal("Hangzhou Lakes", EmvQrCode.Parse(payload).MerchantCity);
    }

    [Fact]
    public void Build_NameWithLineBreak_WritesOneSpace()
    {
        var payload = new PaymentCodeDetailsBuilder().WithName("Lotus\r\nTea House").BuildCode();

        Assert.Equal("Lotus Tea House", EmvQrCode.Parse(payload).MerchantName);
    }

    [Fact]
    public void Build_ChineseName_CountsCharactersNotBytes()
    {
        var payload = new PaymentCodeDetailsBuilder().WithName("莲花茶馆").BuildCode();

        Assert.Contains("5904莲花茶馆", payload);
    }

    [Fact]
    public void Build_Jpy_WritesAmountWithoutDecimals()
    {
        var code = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().WithAmount(1200m, "JPY").BuildCode());

        Assert.Equal(("392", "1200"), (code.CurrencyNumeric, code.Amount));
    }

    [Fact]
    public void Build_CnyWholeAmount_WritesTwoDecimals()
    {
        var code = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().WithAmount(88m, "CNY").BuildCode());

        Assert.Equal("88.00", code.Amount);
    }

    [Fact]
    public void Build_ZeroAmount_LeavesOutTag54()
    {
        var code = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().WithAmount(0m, "CNY").BuildCode());

        Assert.Null(code.Find(EmvTags.TransactionAmount));
    }

    [Fact]
    public void Build_NegativeAmount_Throws()
    {
        var details = new PaymentCodeDetailsBuilder().WithMinorUnits(-100, "CNY").Build();

        Assert.Throws<ArgumentException>(() => PortalPaymentCode.Build(details));
    }

    [Fact]
    public void Build_BlankMerchantName_Throws()
    {
        var details = new PaymentCodeDetailsBuilder().WithName(" \t ").Build();

        Assert.Throws<ArgumentException>(() => PortalPaymentCode.Build(details));
    }

    [Fact]
    public void For_Merchant_TakesNameCityCountryAndCategory()
    {
        var merchant = new MerchantBuilder().Build();

        var details = PortalPaymentCodeDetails.For(merchant, PaymentCodeDetailsBuilder.DefaultPaymentId, Money.Of(1m, "CNY"));

        Assert.Equal(("Lotus Tea House", "Hangzhou", "CN", "5999"),
            (details.MerchantName, details.MerchantCity, details.CountryCode, details.MerchantCategoryCode));
    }

    [Fact]
    public void TryRead_BuiltCode_RecoversPaymentId()
    {
        var paymentId = Guid.CreateVersion7(TestClock.Now);
        var code = EmvQrCode.Parse(new PaymentCodeDetailsBuilder().WithPaymentId(paymentId).BuildCode());

        PortalPaymentCode.TryRead(code, out var read, out _, out _);

        Assert.Equal(paymentId, read);
    }

    [Theory]
    [InlineData("12.50", "CNY")]
    [InlineData("0.01", "CNY")]
    [InlineData("1200", "JPY")]
    [InlineData("1.234", "BHD")]
    public void TryRead_BuiltCode_RecoversAmount(string amount, string currency)
    {
        var expected = Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);
        var payload = new PaymentCodeDetailsBuilder().WithAmount(expected.Amount, currency).BuildCode();

        PortalPaymentCode.TryRead(payload, out _, out var read, out var problem);

        Assert.True(expected == read, problem ?? $"read {read}");
    }

    [Fact]
    public void TryRead_ForeignCode_IsRefusedAsNotPortal()
    {
        var read = PortalPaymentCode.TryRead(EmvQrCode.Parse(ForeignCode), out _, out _, out var problem);

        Assert.False(read);
        Assert.Equal("This code is not a Portal payment code.", problem);
    }

    [Fact]
    public void TryRead_CodeBuiltForAnotherAmount_DiffersFromThePaymentsAmount()
    {
        var payment = Money.Of(12.50m, "CNY");
        var payload = new PaymentCodeDetailsBuilder().WithAmount(21.50m, "CNY").BuildCode();

        PortalPaymentCode.TryRead(payload, out _, out var read, out _);

        Assert.NotEqual(payment, read);
    }

    [Fact]
    public void TryRead_AmountEditedWithoutNewCrc_IsRefusedAsDamaged()
    {
        var payload = new PaymentCodeDetailsBuilder().BuildCode().Replace("540512.50", "540521.50", StringComparison.Ordinal);

        PortalPaymentCode.TryRead(payload, out _, out _, out var problem);

        Assert.Equal("The CRC does not match: the code is damaged or was altered.", problem);
    }

    [Fact]
    public void TryRead_StaticCodeWithPortalIdentifier_IsRefused()
    {
        var payload = new EmvQrBuilder().Static()
            .AddTemplate("26", ("00", PortalPaymentCode.PortalIdentifier), ("01", Reference))
            .Add("53", "156").Build();

        PortalPaymentCode.TryRead(payload, out _, out _, out var problem);

        Assert.Equal("This Portal code is not a one-time payment code.", problem);
    }

    [Fact]
    public void TryRead_ReferenceLabelOfAnotherPayment_IsRefused()
    {
        var payload = new EmvQrBuilder().Dynamic()
            .AddTemplate("26", ("00", PortalPaymentCode.PortalIdentifier), ("01", Reference))
            .Add("53", "156")
            .AddTemplate("62", ("05", "ffffffffffffffffffffffff0")).Build();

        PortalPaymentCode.TryRead(payload, out _, out _, out var problem);

        Assert.StartsWith("The reference label of this code does not match", problem);
    }

    [Fact]
    public void TryRead_CurrencyPortalDoesNotKnow_IsRefused()
    {
        var payload = new EmvQrBuilder().Dynamic()
            .AddTemplate("26", ("00", PortalPaymentCode.PortalIdentifier), ("01", Reference))
            .Add("53", "999").Add("54", "1.00").Build();

        PortalPaymentCode.TryRead(payload, out _, out _, out var problem);

        Assert.Equal("This Portal code is in a currency Portal does not know (ISO 4217 999).", problem);
    }

    [Fact]
    public void TryRead_MoreDecimalsThanTheCurrencyHas_IsRefused()
    {
        var payload = new EmvQrBuilder().Dynamic()
            .AddTemplate("26", ("00", PortalPaymentCode.PortalIdentifier), ("01", Reference))
            .Add("53", "392").Add("54", "1200.5").Build();

        PortalPaymentCode.TryRead(payload, out _, out _, out var problem);

        Assert.Equal("The amount 1200.5 is not a valid JPY amount.", problem);
    }
}
