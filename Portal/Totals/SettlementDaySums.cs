namespace Portal.Totals;

/// <summary>The figures of one <see cref="SettlementDayKey"/>, added up from rows or changes.</summary>
internal sealed record SettlementDaySums
{
    public long PaymentCount { get; set; }

    public long Gross { get; set; }

    public long FxPaymentCount { get; set; }

    public long FxVolume { get; set; }

    public long RefundCount { get; set; }

    public long Refunds { get; set; }

    public bool IsZero => PaymentCount == 0 && Gross == 0 && FxPaymentCount == 0 && FxVolume == 0 && RefundCount == 0 && Refunds == 0;

    public void Add(SettlementDayTotal row)
    {
        PaymentCount += row.PaymentCount;
        Gross += row.GrossMinorUnits;
        FxPaymentCount += row.FxPaymentCount;
        FxVolume += row.FxVolumeMinorUnits;
        RefundCount += row.RefundCount;
        Refunds += row.RefundsMinorUnits;
    }

    public override string ToString() =>
        $"payments {PaymentCount}, gross {Gross}, fx {FxPaymentCount}/{FxVolume}, refunds {RefundCount}/{Refunds}";
}
