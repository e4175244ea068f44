using Portal.Domain.Payments;

namespace Portal.SandboxBank;

/// <summary>Reasons the bank gives that Portal's domain does not name (ISO 20022 codes; Portal reads them with FromCode).</summary>
public static class BankRefusals
{
    public static readonly FailureReason InvalidAmount =
        new("AM12", "The amount is not valid for this payment.");

    public static readonly FailureReason CurrencyNotAllowed =
        new("AM03", "The account does not hold this currency.");

    public static readonly FailureReason RefundExceedsPayment =
        new("AM02", "The refund is more than what is left of the payment.");

    public static readonly FailureReason OriginalNotRefundable =
        new("RR04", "The original order is not a settled payment to this account in this currency.");

    public static readonly FailureReason MerchantAccountInvalid =
        new("AC03", "The shop's account cannot receive this payment. Please contact the shop.");

    public static readonly FailureReason QuoteMismatch =
        new("FX01", "The exchange rate quote does not match this payment.");

    public static readonly FailureReason QuoteExpired =
        new("FX02", "The exchange rate quote has expired. Ask for a new one.");

    public static readonly FailureReason QuoteUsed =
        new("FX03", "The exchange rate quote was already used.");

    public static readonly FailureReason RefundTooSmallToConvert =
        new("FX04", "The refund is too small to return anything in the payer's currency.");
}
