using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>
/// One UTC day's settlement in one currency: what succeeded payments brought in (<see cref="Gross"/>), what
/// succeeded refunds gave back, the fees, and what is left (<see cref="Net"/> = gross − refunds − fees). Every amount
/// is exact, summed in minor units.
/// </summary>
public sealed record SettlementRow(
    DateOnly Day,
    Currency Currency,
    int PaymentCount,
    Money Gross,
    int RefundCount,
    Money Refunds,
    Money Fees)
{
    public Money Net => Gross - Refunds - Fees;
}
