using Portal.Domain.Common;
using Portal.Domain.CrossBorder;

namespace Portal.Tests.Domain.CrossBorder;

public sealed class FxConversionTests
{
    // merchant amount, merchant currency, payer currency, rate (payer units per merchant unit), expected payer amount
    [Theory]
    [InlineData("100.00", "CNY", "USD", "0.139167", "13.92")]     // 13.9167 → up
    [InlineData("100.00", "CNY", "HKD", "1.08470", "108.47")]     // exact
    [InlineData("0.01", "CNY", "USD", "0.139167", "0.00")]        // refused below: converts to nothing
    [InlineData("0.04", "CNY", "USD", "0.139167", "0.01")]        // 0.00556668 → 0.01
    [InlineData("1234.56", "CNY", "JPY", "20.8493", "25740")]     // 25739.71… → whole yen
    [InlineData("0.05", "CNY", "JPY", "20.8493", "1")]            // 1.042 → 1 yen
    [InlineData("1000", "JPY", "CNY", "0.0479632", "47.96")]      // 47.9632
    [InlineData("1", "JPY", "USD", "0.00666667", "0.01")]         // 0.00666667 → 0.01
    [InlineData("10.00", "CNY", "EUR", "0.130250", "1.30")]       // 1.3025 → 1.30 (below the half)
    [InlineData("10.00", "CNY", "EUR", "0.130500", "1.31")]       // 1.305 → 1.31: halves away from zero
    [InlineData("99999.99", "CNY", "GBP", "0.110123", "11012.30")] // 11012.298898…
    public void Convert_Table_RoundsOnceToThePayersMinorUnits(string amount, string from, string to, string rate, string expected)
    {
        var merchantAmount = Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), from);
        var payerCurrency = Currency.FromCode(to);
        var r = decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture);

        if (expected == "0.00")
        {
            Assert.Throws<DomainValidationException>(() => FxConversion.Convert(merchantAmount, payerCurrency, r));
            return;
        }
        Assert.Equal(Money.Of(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), payerCurrency),
            FxConversion.Convert(merchantAmount, payerCurrency, r));
    }

    [Fact]
    public void Convert_JpyResult_HasNoFraction()
    {
        var paid = FxConversion.Convert(Money.Of(12.34m, "CNY"), Currency.FromCode("JPY"), 20.8493m);

        Assert.Equal(0, paid.Currency.MinorUnits);
        Assert.Equal(257L, paid.MinorUnits); // 257.28…
    }

    [Fact]
    public void Convert_Overflowing_IsRefusedWithAClearMessage()
    {
        var huge = Money.FromMinorUnits(long.MaxValue / 4, Currency.CNY);

        var refused = Assert.Throws<DomainValidationException>(() => FxConversion.Convert(huge, Currency.FromCode("JPY"), 99999.9m));

        Assert.Contains("too large", refused.Errors["Amount"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    public void Convert_RateNotPositive_IsRefused(string rate) =>
        Assert.Throws<DomainValidationException>(() =>
            FxConversion.Convert(Money.Of(1m, "CNY"), Currency.FromCode("USD"), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.13916749", "0.139167")]
    [InlineData("7.18565", "7.18565")]
    [InlineData("7.185655", "7.18566")]
    [InlineData("20.849349", "20.8493")]
    [InlineData("149.99995", "150.000")]
    [InlineData("0.0000479632", "0.0000479632")]
    public void RoundRate_KeepsSixSignificantDigits(string rate, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            FxConversion.RoundRate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void CustomerRate_AddsTheSpreadForThePayer() =>
        Assert.Equal(0.139863m, FxConversion.CustomerRate(0.139167m, 50)); // 0.139167 × 1.005 = 0.13986283…

    [Fact]
    public void PayerRefund_FullRefund_ReturnsExactlyWhatWasPaid()
    {
        var paid = Money.Of(100.00m, "CNY");
        var payerPaid = Money.Of(14.07m, "USD"); // 13.92 and a fee of 0.15

        Assert.Equal(payerPaid, FxConversion.PayerRefund(paid, Money.Zero(Currency.CNY), paid, payerPaid));
    }

    [Theory]
    [InlineData("33.33 33.33 33.34")]
    [InlineData("0.08 50.00 49.92")]
    [InlineData("99.99 0.01")]
    [InlineData("12.50 12.50 12.50 12.50 50.00")]
    public void PayerRefund_PartsOfTheWhole_SumExactlyToWhatWasPaid(string refunds)
    {
        var paid = Money.Of(100.00m, "CNY");
        var payerPaid = Money.Of(1407m, "JPY");
        var before = Money.Zero(Currency.CNY);
        long returned = 0;

        foreach (var part in refunds.Split(' '))
        {
            var refund = Money.Of(decimal.Parse(part, System.Globalization.CultureInfo.InvariantCulture), "CNY");
            returned += FxConversion.PayerRefund(refund, before, paid, payerPaid).MinorUnits;
            before += refund;
            Assert.True(returned <= payerPaid.MinorUnits);
        }

        Assert.Equal(payerPaid.MinorUnits, returned);
    }

    [Fact]
    public void PayerRefund_ShareRoundsToNothing_IsRefused()
    {
        var refused = Assert.Throws<DomainValidationException>(() => FxConversion.PayerRefund(
            Money.Of(0.01m, "CNY"), Money.Zero(Currency.CNY), Money.Of(100m, "CNY"), Money.Of(1407m, "JPY")));

        Assert.Contains("smallest amount in JPY", refused.Errors["Amount"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void PayerRefund_MoreThanIsLeft_IsRefused() =>
        Assert.Throws<DomainValidationException>(() => FxConversion.PayerRefund(
            Money.Of(60m, "CNY"), Money.Of(50m, "CNY"), Money.Of(100m, "CNY"), Money.Of(14.07m, "USD")));

    [Fact]
    public void Quote_AmountNotTheRuleApplied_IsRefused()
    {
        var now = DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<DomainValidationException>(() => FxQuote.Create("q1", Money.Of(100m, "CNY"), Money.Of(13.91m, "USD"),
            Money.Zero(Currency.FromCode("USD")), 0.139167m, now, now.AddMinutes(10)));
    }

    [Fact]
    public void Quote_AtItsExpiry_IsExpired()
    {
        var now = DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var quote = FxQuote.Create("q1", Money.Of(100m, "CNY"), Money.Of(13.92m, "USD"), Money.Of(0.15m, "USD"), 0.139167m,
            now, now.AddMinutes(10));

        Assert.False(quote.IsExpiredAt(now.AddMinutes(10).AddTicks(-1)));
        Assert.True(quote.IsExpiredAt(now.AddMinutes(10)));
        Assert.Equal(Money.Of(14.07m, "USD"), quote.PayerTotal);
    }
}
