using Portal.Domain.Payments;

namespace Portal.Totals;

/// <summary>What a <see cref="PaymentDayTotal"/> row counts under.</summary>
internal readonly record struct PaymentDayKey(Guid MerchantId, DateOnly Day, PaymentMethod Method, string CurrencyCode, PaymentStatus Status)
{
    public static PaymentDayKey Of(PaymentDayTotal row) => new(row.MerchantId, row.Day, row.Method, row.CurrencyCode, row.Status);

    public override string ToString() => $"{MerchantId} {Day:yyyy-MM-dd} {Method} {CurrencyCode} {Status}";
}
