using Portal.Domain.Common;

namespace Portal.Sandbox;

/// <summary>
/// An order as the bank understood it from a well-formed, authenticated request. Carries the PIN in memory only;
/// ToString hides the PIN and the accounts.
/// </summary>
public sealed record BankOrderInstruction(
    Guid OrderId,
    BankOrderKind Kind,
    string PayerAccount,
    string MerchantAccount,
    string? Pin,
    Money Amount,
    string Reference)
{
    public override string ToString() => $"{Kind} {OrderId} {Amount} from {AccountNumber.Mask(PayerAccount)}";
}
