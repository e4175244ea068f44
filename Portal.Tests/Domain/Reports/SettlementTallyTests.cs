using Portal.Domain.Common;
using Portal.Domain.Reports;

namespace Portal.Tests.Domain.Reports;

public sealed class SettlementTallyTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rows_PaymentsAndRefundsOfOneDay_ExactGrossRefundsAndNet()
    {
        var tally = new SettlementTally();
        tally.AddPayment(Day1, 10_01, "CNY");
        tally.AddPayment(Day1.AddHours(1), 20_02, "CNY");
        tally.AddRefund(Day1.AddHours(2), 0_03, "CNY");

        var row = Assert.Single(tally.Rows());

        Assert.Equal((2, 30.03m, 1, 0.03m, 0.00m, 30.00m),
            (row.PaymentCount, row.Gross.Amount, row.RefundCount, row.Refunds.Amount, row.Fees.Amount, row.Net.Amount));
        Assert.Equal("30.00", row.Net.ToAmountString());
    }

    [Fact]
    public void Rows_CrossBorderPayments_CountedApartWithinTheGross()
    {
        var tally = new SettlementTally();
        tally.AddPayment(Day1, 10_00, "CNY");
        tally.AddPayment(Day1.AddHours(1), 25_50, "CNY", crossBorder: true);
        tally.AddPayment(Day1.AddDays(1), 4_50, "CNY", crossBorder: true);

        var rows = tally.Rows();
        var total = Assert.Single(tally.Totals());

        Assert.Equal((1, 25.50m, 35.50m), (rows[0].FxPaymentCount, rows[0].FxVolume!.Value.Amount, rows[0].Gross.Amount));
        Assert.Equal((2, 30.00m, 40.00m), (total.FxPaymentCount, total.FxVolume!.Value.Amount, total.Gross.Amount));
    }

    [Fact]
    public void Rows_SplitByUtcDayAndCurrency_InDayThenCurrencyOrder()
    {
        var tally = new SettlementTally();
        // 23:30 at UTC+8 on the 25th is 15:30 UTC on the 25th; 01:00 at UTC+8 on the 25th is still the 24th in UTC.
        tally.AddPayment(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.FromHours(8)), 100, "CNY");
        tally.AddPayment(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.FromHours(8)), 100, "USD");
        tally.AddPayment(new DateTimeOffset(2026, 11, 25, 23, 30, 0, TimeSpan.FromHours(8)), 100, "CNY");

        var rows = tally.Rows();

        Assert.Equal(["2026-11-24 CNY", "2026-11-25 CNY", "2026-11-25 USD"],
            rows.Select(r => $"{r.Day:yyyy-MM-dd} {r.Currency.Code}"));
    }

    [Fact]
    public void Totals_OnePerCurrency()
    {
        var tally = new SettlementTally();
        tally.AddPayment(Day1, 1_00, "CNY");
        tally.AddPayment(Day1.AddDays(1), 2_00, "CNY");
        tally.AddRefund(Day1.AddDays(1), 50, "CNY");

        var total = Assert.Single(tally.Totals());

        Assert.Equal((2, 3.00m, 1, 0.50m, 2.50m), (total.PaymentCount, total.Gross.Amount, total.RefundCount, total.Refunds.Amount, total.Net.Amount));
    }

    [Fact]
    public void Rows_Nothing_IsEmpty()
    {
        Assert.Empty(new SettlementTally().Rows());
    }

    [Fact]
    public void Rows_ZeroDecimalCurrency_KeepsWholeUnits()
    {
        var tally = new SettlementTally();
        tally.AddPayment(Day1, 1200, Currency.FromCode("JPY").Code);

        Assert.Equal("1200", Assert.Single(tally.Rows()).Gross.ToAmountString());
    }
}
