using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Domain.Rails;

/// <summary>
/// A refund as it goes to the rail: money back from the merchant's settlement account to whoever paid
/// <see cref="OriginalOrderId"/>. The rail knows the payer from the original order, so Portal, which keeps only a
/// masked account number, never needs the full one. A fast payment's refund goes by the fast rail and is called back.
/// </summary>
public sealed record RefundOrder(
    Guid OrderId,
    Guid OriginalOrderId,
    AccountNumber MerchantAccount,
    Money Amount,
    string Reference,
    DateTimeOffset CreatedAt,
    PaymentMethod Method = PaymentMethod.RealTime)
{
    public override string ToString() => $"RefundOrder {OrderId} {Amount} for order {OriginalOrderId}";
}
