using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>
/// Sums settled payments and refunds into one <see cref="SettlementRow"/> per UTC day and currency, as they stream
/// past: memory grows with days × currencies, not with the number of payments.
/// </summary>
/// <remarks>
/// Fees are zero: the sandbox bank credits the full amount of every payment and charges nothing, and Portal keeps
/// no fee schedule. A fee invented on Portal's side would make net differ from what the bank credited, and the
/// reconciliation could never agree; when a rail that charges fees arrives, its statement is where they come from.
/// </remarks>
public sealed class SettlementTally
{
    private readonly SortedDictionary<(DateOnly Day, string Currency), Sums> _days = new();

    /// <summary>A payment that succeeded at <paramref name="settledAt"/>; <paramref name="crossBorder"/> when its payer paid in another currency.</summary>
    public void AddPayment(DateTimeOffset settledAt, long minorUnits, string currencyCode, bool crossBorder = false)
    {
        var sums = SumsOf(settledAt, currencyCode);
        sums.PaymentCount++;
        sums.Gross = checked(sums.Gross + minorUnits);
        if (crossBorder)
        {
            sums.FxPaymentCount++;
            sums.FxVolume = checked(sums.FxVolume + minorUnits);
        }
    }

    /// <summary>A refund that succeeded (the money went back) at <paramref name="settledAt"/>.</summary>
    public void AddRefund(DateTimeOffset settledAt, long minorUnits, string currencyCode)
    {
        var sums = SumsOf(settledAt, currencyCode);
        sums.RefundCount++;
        sums.Refunds = checked(sums.Refunds + minorUnits);
    }

    /// <summary>
    /// A day's figures already summed elsewhere (running totals): <paramref name="paymentCount"/> payments worth
    /// <paramref name="gross"/>, of which <paramref name="fxPaymentCount"/> worth <paramref name="fxVolume"/> by payers in
    /// another currency, and <paramref name="refundCount"/> refunds worth <paramref name="refunds"/>, in minor units.
    /// </summary>
    public void AddDay(DateOnly day, string currencyCode, int paymentCount, long gross, int fxPaymentCount, long fxVolume,
        int refundCount, long refunds)
    {
        var sums = SumsOf(day, currencyCode);
        sums.PaymentCount = checked(sums.PaymentCount + paymentCount);
        sums.Gross = checked(sums.Gross + gross);
        sums.FxPaymentCount = checked(sums.FxPaymentCount + fxPaymentCount);
        sums.FxVolume = checked(sums.FxVolume + fxVolume);
        sums.RefundCount = checked(sums.RefundCount + refundCount);
        sums.Refunds = checked(sums.Refunds + refunds);
    }

    /// <summary>The rows, by day and then currency code; a day without any settlement has no row.</summary>
    public IReadOnlyList<SettlementRow> Rows() => _days
        .Select(d =>
        {
            var currency = Currency.FromCode(d.Key.Currency);
            return new SettlementRow(d.Key.Day, currency, d.Value.PaymentCount, Money.FromMinorUnits(d.Value.Gross, currency),
                d.Value.RefundCount, Money.FromMinorUnits(d.Value.Refunds, currency), Money.Zero(currency),
                d.Value.FxPaymentCount, Money.FromMinorUnits(d.Value.FxVolume, currency));
        })
        .ToList();

    /// <summary>One total row per currency over the whole period (its <see cref="SettlementRow.Day"/> is the last day seen).</summary>
    public IReadOnlyList<SettlementRow> Totals() => Rows()
        .GroupBy(r => r.Currency)
        .OrderBy(g => g.Key.Code, StringComparer.Ordinal)
        .Select(g => new SettlementRow(g.Max(r => r.Day), g.Key, g.Sum(r => r.PaymentCount),
            g.Select(r => r.Gross).Aggregate((a, b) => a + b), g.Sum(r => r.RefundCount),
            g.Select(r => r.Refunds).Aggregate((a, b) => a + b), g.Select(r => r.Fees).Aggregate((a, b) => a + b),
            g.Sum(r => r.FxPaymentCount), Money.FromMinorUnits(g.Sum(r => r.FxVolume?.MinorUnits ?? 0), g.Key)))
        .ToList();

    private Sums SumsOf(DateTimeOffset instant, string currencyCode) => SumsOf(ReportPeriod.DayOf(instant), currencyCode);

    private Sums SumsOf(DateOnly day, string currencyCode)
    {
        var key = (day, currencyCode);
        if (!_days.TryGetValue(key, out var sums))
        {
            _days[key] = sums = new Sums();
        }
        return sums;
    }

    private sealed class Sums
    {
        public int PaymentCount { get; set; }

        public long Gross { get; set; }

        public int RefundCount { get; set; }

        public long Refunds { get; set; }

        public int FxPaymentCount { get; set; }

        public long FxVolume { get; set; }
    }
}
