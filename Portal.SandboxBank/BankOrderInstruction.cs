using Portal.Domain.Common;

namespace Portal.SandboxBank;

/// <summary>
/// An order as the bank understood it from a well-formed, authenticated request. Carries the PIN in memory only;
/// ToString hides the PIN and the accounts. A refund's payer is not
/// in it: the bank takes it from the original order. A fast order carries where to call back with its result; a
/// cross-border payment the quote it spends and the payer's total, as the sender read them from the quote.
/// </summary>
public sealed record BankOrderInstruction(
    Guid OrderId,
    BankOrderKind Kind,
    string? PayerAccount,
    string MerchantAccount,
    string? Pin,
    Money Amount,
    string Reference,
    BankOrderMode Mode = BankOrderMode.RealTime,
    Uri? CallbackUrl = null,
    Guid? OriginalOrderId = null,
    string? QuoteId = null,
    Money? PayerAmount = null)
{
    public override string ToString() => Kind == BankOrderKind.Refund
        ? $"{Kind} {OrderId} {Amount} of order {OriginalOrderId}"
        : $"{Kind} {OrderId} {Amount} from {AccountNumber.Mask(PayerAccount ?? "")}";
}
