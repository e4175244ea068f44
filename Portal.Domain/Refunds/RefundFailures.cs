using Portal.Domain.Payments;

namespace Portal.Domain.Refunds;

/// <summary>
/// A rail's refusal read for a refund: the codes are the payment's (ISO 20022), the sentences are for the merchant,
/// whose account pays a refund.
/// </summary>
public static class RefundFailures
{
    public static readonly FailureReason MerchantLacksFunds =
        new("AM04", "The settlement account does not have enough funds for this refund. No money moved.");

    public static readonly FailureReason PayerAccountClosed =
        new("AC04", "The payer's account is closed, so it cannot receive the refund. No money moved.");

    public static readonly FailureReason TooMuch =
        new("AM02", "The bank refused the refund: it is more than what is left of the payment. No money moved.");

    public static readonly FailureReason Timeout =
        new("AB05", "The bank never received the refund. No money moved; you can refund again.");

    public static FailureReason Explain(FailureReason railReason)
    {
        ArgumentNullException.ThrowIfNull(railReason);
        return railReason.Code switch
        {
            "AM04" => MerchantLacksFunds,
            "AC04" => PayerAccountClosed,
            "AM02" => TooMuch,
            "AB05" => Timeout,
            _ => railReason,
        };
    }
}
