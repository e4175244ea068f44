using Portal.Domain.Common;

namespace Portal.SandboxBank;

/// <summary>
/// The bank's signed answer about one order. A cross-border order also says what moved on the payer's side
/// (<see cref="PayerAmount"/> in <see cref="PayerCurrency"/>) and, for a payment, the quote it spent; all three are
/// null for an order in one currency.
/// </summary>
public sealed record BankOrderAnswer(
    Guid OrderId,
    string Status,
    string? ReasonCode,
    string? ReasonMessage,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ProcessedAt,
    string? RailReference,
    string? PayerAmount = null,
    string? PayerCurrency = null,
    string? QuoteId = null)
{
    public static BankOrderAnswer From(BankOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var payerAmount = order.IsCrossBorder
            ? Money.FromMinorUnits(order.PayerAmountMinorUnits!.Value, order.PayerCurrencyCode!).ToAmountString()
            : null;
        return new BankOrderAnswer(order.OrderId, order.Status.ToString(), order.ReasonCode, order.ReasonMessage,
            order.VerifiedAt, order.ProcessedAt, order.LedgerTransactionId?.ToString("N"), payerAmount,
            order.IsCrossBorder ? order.PayerCurrencyCode : null, order.QuoteId);
    }
}
