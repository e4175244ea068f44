using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>
/// One UTC day's settlement in one currency: what succeeded payments brought in (<see cref="Gross"/>), what
/// succeeded refunds gave back, the fees, and what is left (<see cref="Net"/> = gross − refunds − fees). Every amount
/// is exact, summed in minor units. Of the gross, <see cref="FxVolume"/> came from <see cref="FxPaymentCount"/> payments
/// by payers in another currency (converted by the rail's FX provider; the merchant is paid in its own currency).
/// </summary>
public sealed record SettlementRow(
    DateOnly Day,
    Currency Currency,
    int PaymentCount,
    Money Gross,
    int RefundCount,
    Money Refunds,
    Money Fees,
    int FxPaymentCount = 0,
    Money? FxVolume = null)
{
    public Money Net => Gross - Refunds - Fees;
}
