using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("CNY", "12.50", 1250)]
    [InlineData("JPY", "1200", 1200)]
    [InlineData("BHD", "1.234", 1234)]
    public void Of_AmountWithinMinorUnits_StoresWholeMinorUnits(string currency, string amount, long minorUnits)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);

        Assert.Equal(minorUnits, money.MinorUnits);
    }

    [Theory]
    [InlineData("CNY", "12.505")]
    [InlineData("JPY", "1200.5")]
    [InlineData("BHD", "1.2345")]
    public void Of_MoreDecimalsThanMinorUnits_ThrowsForAmount(string currency, string amount)
    {
        var ex = Assert.Throws<DomainValidationException>(
            () => Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), currency));

        Assert.True(ex.Errors.ContainsKey("Amount"));
    }

    [Fact]
    public void Of_TrailingZerosBeyondMinorUnits_IsAccepted()
    {
        var money = Money.Of(1200.00m, "JPY");

        Assert.Equal(1200, money.MinorUnits);
    }

    [Fact]
    public void Of_UnknownCurrency_ThrowsForCurrency()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Money.Of(1m, "XYZ"));

        Assert.True(ex.Errors.ContainsKey("Currency"));
    }

    [Fact]
    public void Of_AmountBeyondStorableRange_ThrowsForAmount()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Money.Of(10_000_000_000_000_000_000m, "CNY"));

        Assert.True(ex.Errors.ContainsKey("Amount"));
    }

    [Fact]
    public void Of_AmountTooLargeToScale_ThrowsForAmount()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Money.Of(decimal.MaxValue, "CNY"));

        Assert.True(ex.Errors.ContainsKey("Amount"));
    }

    [Fact]
    public void Of_LargestStorableAmount_IsAccepted()
    {
        var money = Money.Of(23_058_430_092_136_939.51m, "CNY");

        Assert.Equal(long.MaxValue / 4, money.MinorUnits);
    }

    [Fact]
    public void Add_SameCurrency_SumsMinorUnits()
    {
        var sum = Money.Of(12.50m, "CNY") + Money.Of(0.75m, "CNY");

        Assert.Equal(Money.Of(13.25m, "CNY"), sum);
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        var cny = Money.Of(1m, "CNY");
        var usd = Money.Of(1m, "USD");

        Assert.Throws<DomainException>(() => cny + usd);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_Throws()
    {
        var cny = Money.Of(1m, "CNY");
        var usd = Money.Of(1m, "USD");

        Assert.Throws<DomainException>(() => cny - usd);
    }

    [Fact]
    public void Compare_DifferentCurrencies_Throws()
    {
        var cny = Money.Of(1m, "CNY");
        var usd = Money.Of(2m, "USD");

        Assert.Throws<DomainException>(() => cny < usd);
    }

    [Fact]
    public void Compare_SameCurrency_OrdersByAmount()
    {
        Assert.True(Money.Of(9.99m, "CNY") < Money.Of(10m, "CNY"));
    }

    [Theory]
    [InlineData("12.50", 1250)]
    [InlineData("12.5", 1250)]
    [InlineData("12", 1200)]
    [InlineData("-3.10", -310)]
    public void TryParse_WireFormat_Parses(string text, long minorUnits)
    {
        Assert.True(Money.TryParse(text, Currency.CNY, out var money));
        Assert.Equal(minorUnits, money.MinorUnits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("12,50")]
    [InlineData("1,250.00")]
    [InlineData(" 12.50")]
    [InlineData("12.50 ")]
    [InlineData("1e3")]
    [InlineData("12.505")]
    [InlineData("CNY 12.50")]
    [InlineData("¥12.50")]
    [InlineData("0x10")]
    public void TryParse_AnythingButPlainDigits_ReturnsFalse(string? text)
    {
        Assert.False(Money.TryParse(text, Currency.CNY, out _));
    }

    [Fact]
    public void TryParse_DecimalsForJpy_ReturnsFalse()
    {
        Assert.False(Money.TryParse("100.5", Currency.FromCode("JPY"), out _));
    }

    [Fact]
    public void TryParse_AmountBeyondStorableRange_ReturnsFalse()
    {
        // A Try method answers false; it must not throw for input a user can type.
        Assert.False(Money.TryParse("9999999999999999999999999999", Currency.CNY, out _));
    }

    [Fact]
    public void Amount_FromMinorUnits_KeepsTheCurrencysScale()
    {
        var money = Money.FromMinorUnits(1250, "CNY");

        Assert.Equal("12.50", money.Amount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Amount_OfShortDecimal_IsWidenedToTheCurrencysScale()
    {
        var money = Money.Of(12.5m, "CNY");

        Assert.Equal("12.50", money.ToAmountString());
    }

    [Fact]
    public void Amount_ThreeDecimalCurrency_HasThreeDecimals()
    {
        var money = Money.FromMinorUnits(1500, "BHD");

        Assert.Equal("1.500", money.ToAmountString());
    }

    [Fact]
    public void Amount_ZeroDecimalCurrency_HasNoPoint()
    {
        var money = Money.Of(1200.00m, "JPY");

        Assert.Equal("1200", money.ToAmountString());
    }

    [Fact]
    public void Amount_Negative_KeepsSignAndScale()
    {
        var money = Money.FromMinorUnits(-5, "CNY");

        Assert.Equal("-0.05", money.ToAmountString());
    }

    [Fact]
    public void Format_InvariantCulture_GroupsThousandsWithCurrencyCode()
    {
        var money = Money.Of(1234.5m, "CNY");

        Assert.Equal("CNY 1,234.50", money.Format(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Format_GermanCulture_UsesGermanSeparators()
    {
        var money = Money.Of(1234.5m, "EUR");

        Assert.Equal("EUR 1.234,50", money.Format(CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void Format_ZeroDecimalCurrency_ShowsNoDecimals()
    {
        var money = Money.Of(1234m, "JPY");

        Assert.Equal("JPY 1,234", money.Format(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToString_Always_IsWireAmountThenCode()
    {
        Assert.Equal("12.50 CNY", Money.Of(12.5m, "CNY").ToString());
    }
}
