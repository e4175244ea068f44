using Portal.Domain.Common;
using Portal.Domain.CrossBorder;
using Portal.Domain.Payments;

namespace Portal.Domain.Rails;

/// <summary>
/// A payment order as it goes to the rail. It carries the payer's PIN for the rail to verify, so it lives only in
/// memory for the length of one call, and its ToString hides account and PIN. A fast order is accepted at once and
/// settled later by the rail, which then calls back. A cross-border order carries the quote the payer confirmed: the
/// rail settles at exactly its amounts or refuses it.
/// </summary>
public sealed record PaymentOrder(
    Guid OrderId,
    AccountNumber MerchantAccount,
    AccountNumber PayerAccount,
    Pin Pin,
    Money Amount,
    string Reference,
    DateTimeOffset CreatedAt,
    PaymentMethod Method = PaymentMethod.RealTime,
    FxQuote? Quote = null)
{
    public override string ToString() => $"PaymentOrder {OrderId} {Amount} from {PayerAccount.Masked}";
}
