namespace Portal.Totals;

/// <summary>What a <see cref="SettlementDayTotal"/> row counts under.</summary>
internal readonly record struct SettlementDayKey(Guid MerchantId, DateOnly Day, string CurrencyCode)
{
    public static SettlementDayKey Of(SettlementDayTotal row) => new(row.MerchantId, row.Day, row.CurrencyCode);

    public override string ToString() => $"{MerchantId} {Day:yyyy-MM-dd} {CurrencyCode}";
}
