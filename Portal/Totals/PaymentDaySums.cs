namespace Portal.Totals;

/// <summary>The figures of one <see cref="PaymentDayKey"/>, added up from rows or changes.</summary>
internal sealed record PaymentDaySums
{
    public long Count { get; set; }

    public long Amount { get; set; }

    public long CrossBorder { get; set; }

    public bool IsZero => Count == 0 && Amount == 0 && CrossBorder == 0;

    public void Add(PaymentDayTotal row)
    {
        Count += row.Count;
        Amount += row.AmountMinorUnits;
        CrossBorder += row.CrossBorderCount;
    }

    public override string ToString() => $"count {Count}, amount {Amount}, cross-border {CrossBorder}";
}
