using Portal.Domain.Common;

namespace Portal.Domain.Rails;

/// <summary>
/// A payment order as it goes to the rail. It carries the payer's PIN for the rail to verify, so it lives only in
/// memory for the length of one call, and its ToString hides account and PIN.
/// </summary>
public sealed record PaymentOrder(
    Guid OrderId,
    AccountNumber MerchantAccount,
    AccountNumber PayerAccount,
    Pin Pin,
    Money Amount,
    string Reference,
    DateTimeOffset CreatedAt)
{
    public override string ToString() => $"PaymentOrder {OrderId} {Amount} from {PayerAccount.Masked}";
}
