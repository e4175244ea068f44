using Portal.Domain.Payments;

namespace Portal.Totals;

/// <summary>
/// Payments of one merchant that chose their method on one UTC day, by method, currency and status: what the dashboard
/// counts. A row is either a delta, written in the same transaction as the payments it counts (<see cref="Kind"/>
/// <see cref="TotalRowKind.Delta"/>), or the sum the compaction folded older rows of the same key into; a key's figure is the sum of its rows.
/// </summary>
public sealed class PaymentDayTotal
{
    public long Id { get; private set; }

    public Guid MerchantId { get; init; }

    /// <summary>The UTC day of <see cref="Payment.MethodChosenAt"/>.</summary>
    public DateOnly Day { get; init; }

    public PaymentMethod Method { get; init; }

    public string CurrencyCode { get; init; } = "";

    public PaymentStatus Status { get; init; }

    /// <summary>Payments in this bucket (negative in a delta that moves them out of it).</summary>
    public long Count { get; init; }

    public long AmountMinorUnits { get; init; }

    /// <summary>Of <see cref="Count"/>, those paid from an account in another currency (at a quote).</summary>
    public long CrossBorderCount { get; init; }

    /// <summary>One save's delta, or a compacted sum.</summary>
    public TotalRowKind Kind { get; init; }
}
