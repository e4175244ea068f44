using Portal.Admin.Payments;

namespace Portal.Tests.Components.Admin;

/// <summary>How the payments search reads what is typed: the end of a "starts with" range, and what may be an id's start.</summary>
public sealed class PaymentSearchTermTests
{
    [Theory]
    [InlineData("ORD-", "ORD.")]
    [InlineData("a", "b")]
    [InlineData("%", "&")]
    [InlineData("\uD7FF", "\uE000")]
    [InlineData("x\U0010FFFF", "y")]
    [InlineData("\U0001F600", "\U0001F601")]
    public void Successor_Text_IsTheLeastStringAfterEveryOneItStarts(string text, string expected)
    {
        Assert.Equal(expected, PaymentSearch.Successor(text));
    }

    [Fact]
    public void Successor_OnlyTheLastCharacter_IsNone()
    {
        Assert.Null(PaymentSearch.Successor("\U0010FFFF\U0010FFFF"));
    }

    [Theory]
    [InlineData("0193a5f2", true)]
    [InlineData("0193A5F2-1B", true)]
    [InlineData("0193a5f", false)]
    [InlineData("0193a5f21b", false)]
    [InlineData("0193a5g2", false)]
    [InlineData("0193a5f2-1b2c-7d3e-8f40-123456789abc", true)]
    public void IsIdStart_Text_OnlyAnIdsStartAsWrittenFromItsFirstBlock(string text, bool expected)
    {
        Assert.Equal(expected, PaymentSearch.IsIdStart(text));
    }
}
