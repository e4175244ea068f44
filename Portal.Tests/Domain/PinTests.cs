using Portal.Domain.Common;

namespace Portal.Tests.Domain;

public sealed class PinTests
{
    [Fact]
    public void TryParse_SixDigits_Succeeds()
    {
        Assert.True(Pin.TryParse("123456", out var pin));
        Assert.Equal("123456", pin.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData(" 12345")]
    [InlineData("１２３４５６")]
    public void TryParse_NotSixAsciiDigits_ReturnsFalse(string? text)
    {
        Assert.False(Pin.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Invalid_ThrowsForPin()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Pin.Parse("12"));

        Assert.True(ex.Errors.ContainsKey("Pin"));
    }

    [Fact]
    public void ToString_Always_HidesDigits()
    {
        var pin = Pin.Parse("123456");

        Assert.Equal("******", pin.ToString());
    }
}
