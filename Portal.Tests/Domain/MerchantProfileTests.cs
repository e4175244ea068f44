using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;

namespace Portal.Tests.Domain;

public sealed class MerchantProfileTests
{
    private readonly Merchant _merchant = new MerchantBuilder().Build();

    [Fact]
    public void ChangeProfile_ValidValues_AreTrimmedAndKept()
    {
        _merchant.ChangeProfile("  Lotus Tea  ", " help@lotus.example ", " Suzhou ", "cn");

        Assert.Equal("Lotus Tea", _merchant.Name);
        Assert.Equal("help@lotus.example", _merchant.SupportEmail);
        Assert.Equal("Suzhou", _merchant.City);
        Assert.Equal("CN", _merchant.CountryCode);
    }

    [Fact]
    public void ChangeProfile_EmptySupportEmail_IsNone()
    {
        _merchant.ChangeProfile("Lotus Tea", "  ", "Suzhou", "CN");

        Assert.Null(_merchant.SupportEmail);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("Name <a@b.example>")]
    public void ChangeProfile_BadEmail_IsRefusedAndNothingChanges(string email)
    {
        var refused = Assert.Throws<DomainValidationException>(() => _merchant.ChangeProfile("Other", email, "Suzhou", "CN"));

        Assert.Equal([nameof(Merchant.SupportEmail)], refused.Errors.Keys);
        Assert.Equal("Lotus Tea House", _merchant.Name);
    }

    [Fact]
    public void ChangeProfile_NonAsciiCity_IsRefusedForQrCodes()
    {
        var refused = Assert.Throws<DomainValidationException>(() => _merchant.ChangeProfile("Lotus", null, "杭州", "CN"));

        Assert.Contains("Latin letters", refused.Errors[nameof(Merchant.City)][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeProfile_EverythingWrong_ListsEveryField()
    {
        var refused = Assert.Throws<DomainValidationException>(() => _merchant.ChangeProfile("", "x", "", "China"));

        Assert.Equal(
            new[] { nameof(Merchant.Name), nameof(Merchant.City), nameof(Merchant.CountryCode), nameof(Merchant.SupportEmail) }.Order(),
            refused.Errors.Keys.Order());
    }

    [Fact]
    public void ConfigureCheckoutDefaults_NoMethod_IsRefused()
    {
        var refused = Assert.Throws<DomainValidationException>(() =>
            _merchant.ConfigureCheckoutDefaults(TimeSpan.FromDays(1), PaymentMethods.None));

        Assert.Equal([nameof(Merchant.DefaultPaymentMethods)], refused.Errors.Keys);
        Assert.Equal(PaymentMethods.All, _merchant.DefaultPaymentMethods);
    }

    [Fact]
    public void ConfigureCheckoutDefaults_BeyondMaxLifetime_IsRefused()
    {
        Assert.Throws<DomainValidationException>(() => _merchant.ConfigureCheckoutDefaults(TimeSpan.FromDays(91), PaymentMethods.Fast));
    }

    [Fact]
    public void ConfigureCheckoutDefaults_Valid_IsKept()
    {
        _merchant.ConfigureCheckoutDefaults(TimeSpan.FromDays(1), PaymentMethods.Fast);

        Assert.Equal(TimeSpan.FromDays(1), _merchant.DefaultLinkLifetime);
        Assert.Equal(PaymentMethods.Fast, _merchant.DefaultPaymentMethods);
    }

    [Fact]
    public void LogoCreate_Png_IsAccepted()
    {
        var logo = MerchantLogo.Create(_merchant.Id, Png(100), TestClock.Now);

        Assert.Equal("image/png", logo.ContentType);
    }

    [Fact]
    public void LogoCreate_SvgText_IsRefused()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var refused = Assert.Throws<DomainValidationException>(() => MerchantLogo.Create(_merchant.Id, svg, TestClock.Now));

        Assert.Contains("PNG or JPEG", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogoCreate_TooLarge_SaysTheLimit()
    {
        var refused = Assert.Throws<DomainValidationException>(() =>
            MerchantLogo.Create(_merchant.Id, Png(MerchantLogo.MaxBytes + 1), TestClock.Now));

        Assert.Contains("at most 256 KB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseLogo_AnotherMerchantsLogo_IsRefused()
    {
        var logo = MerchantLogo.Create(Guid.NewGuid(), Png(100), TestClock.Now);

        Assert.Throws<DomainException>(() => _merchant.UseLogo(logo));
        Assert.Null(_merchant.LogoUpdatedAt);
    }

    internal static byte[] Png(int length)
    {
        var bytes = new byte[length];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }
}
