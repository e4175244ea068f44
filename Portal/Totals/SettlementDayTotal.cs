namespace Portal.Totals;

/// <summary>
/// What one merchant's settlement account moved on one UTC day in one currency: succeeded payments by the day the bank
/// settled them (step 6), succeeded refunds by the day their money went back. A delta or a folded sum, as
/// <see cref="PaymentDayTotal"/>.
/// </summary>
public sealed class SettlementDayTotal
{
    public long Id { get; private set; }

    public Guid MerchantId { get; init; }

    public DateOnly Day { get; init; }

    public string CurrencyCode { get; init; } = "";

    public long PaymentCount { get; init; }

    public long GrossMinorUnits { get; init; }

    /// <summary>Of <see cref="PaymentCount"/>, payments by payers in another currency.</summary>
    public long FxPaymentCount { get; init; }

    /// <summary>Of <see cref="GrossMinorUnits"/>, what came from payers in another currency.</summary>
    public long FxVolumeMinorUnits { get; init; }

    public long RefundCount { get; init; }

    public long RefundsMinorUnits { get; init; }

    public TotalRowKind Kind { get; init; }
}
