using Portal.Domain.Common;
using Portal.Domain.Qr;

namespace Portal.Wallet;

/// <summary>
/// What the wallet made of a scanned or pasted code: the payment it names (from a wallet link or Portal's EMV payload)
/// and, for an EMV payload, the amount it claims, which must match the order before anything is approved.
/// </summary>
public sealed record WalletCode(Guid PaymentId, Money? ClaimedAmount)
{
    /// <summary>
    /// Reads a code; on failure <paramref name="problem"/> says why, and for a damaged EMV payload <paramref name="damage"/>
    /// is the parser's finding (its reason picks the customer's sentence, its message is for engineers).
    /// </summary>
    public static WalletCode? Read(string? text, out WalletCodeProblem? problem, out EmvQrProblem? damage)
    {
        problem = null;
        damage = null;
        var code = text?.Trim() ?? "";
        if (code.Length == 0)
        {
            problem = WalletCodeProblem.Empty;
            return null;
        }

        if (Uri.TryCreate(code, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            if (segments is [.., "wallet", var reference] && Guid.TryParseExact(reference, "N", out var linked))
            {
                return new WalletCode(linked, null);
            }
            problem = WalletCodeProblem.NotOurs;
            return null;
        }

        if (!EmvQrCode.TryParse(code, out var emv, out var emvProblem))
        {
            problem = emvProblem!.Reason == EmvQrReason.NotEmv ? WalletCodeProblem.NotOurs : WalletCodeProblem.Damaged;
            damage = problem == WalletCodeProblem.Damaged ? emvProblem : null;
            return null;
        }
        if (!PortalPaymentCode.TryRead(emv!, out var paymentId, out var amount, out _))
        {
            problem = WalletCodeProblem.NotOurs;
            return null;
        }
        return new WalletCode(paymentId, amount);
    }
}
