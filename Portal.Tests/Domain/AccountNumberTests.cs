using Portal.Domain.Common;

namespace Portal.Tests.Domain;

public sealed class AccountNumberTests
{
    [Theory]
    [InlineData("620000000001")]
    [InlineData("6200000000000000001")]
    [InlineData("6200 0000 0000 0001")]
    [InlineData("6200-0000-0000-0001")]
    public void TryParse_TwelveToNineteenDigits_Succeeds(string text)
    {
        Assert.True(AccountNumber.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_WithSpacesAndHyphens_KeepsDigitsOnly()
    {
        AccountNumber.TryParse("6200 0000-0000 0001", out var account);

        Assert.Equal("6200000000000001", account.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("62000000001")]
    [InlineData("62000000000000000001")]
    [InlineData("6200a00000000001")]
    [InlineData("６２００００００００００００１")]
    [InlineData("6200.0000.0000.0001")]
    public void TryParse_NotTwelveToNineteenAsciiDigits_ReturnsFalse(string? text)
    {
        Assert.False(AccountNumber.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Invalid_ThrowsForAccount()
    {
        var ex = Assert.Throws<DomainValidationException>(() => AccountNumber.Parse("123"));

        Assert.True(ex.Errors.ContainsKey("Account"));
    }

    [Fact]
    public void Masked_Always_ShowsFirstFourAndLastFourOnly()
    {
        var account = AccountNumber.Parse("6222020000001234");

        Assert.Equal("6222 •••• 1234", account.Masked);
    }

    [Fact]
    public void ToString_Always_IsMasked()
    {
        var account = AccountNumber.Parse("6222020000001234");

        Assert.Equal("6222 •••• 1234", account.ToString());
    }

    [Fact]
    public void Interpolation_Always_DoesNotLeakFullNumber()
    {
        var account = AccountNumber.Parse("6222020000001234");

        Assert.DoesNotContain("6222020000001234", $"paid from {account}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("12345678")]
    public void Mask_EightCharactersOrFewer_HidesEverything(string value)
    {
        Assert.Equal(new string('•', value.Length), AccountNumber.Mask(value));
    }
}
