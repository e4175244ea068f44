using Portal.Domain.Common;

namespace Portal.Rails;

/// <summary>A refund as it goes to the rail: money back from the merchant's settlement account to the payer.</summary>
public sealed record RefundOrder(
    Guid OrderId,
    AccountNumber MerchantAccount,
    AccountNumber PayerAccount,
    Money Amount,
    string Reference)
{
    public override string ToString() => $"RefundOrder {OrderId} {Amount} to {PayerAccount.Masked}";
}
