namespace Portal.Domain.Payments;

/// <summary>
/// Why a payment did not go through: a reason code in the spirit of ISO 20022 (AM04, AC01, …; Portal's own
/// where ISO has none) and a sentence the customer understands.
/// </summary>
public sealed record FailureReason(string Code, string Message)
{
    public static readonly FailureReason InsufficientFunds =
        new("AM04", "The account does not have enough funds for this payment.");

    public static readonly FailureReason UnknownAccount =
        new("AC01", "The account number is not known to the bank. Check it and try again.");

    public static readonly FailureReason ClosedAccount =
        new("AC04", "This account is closed. Use another account.");

    public static readonly FailureReason WrongPin =
        new("PIN1", "The PIN is not correct. Check it and try again.");

    public static readonly FailureReason PinLocked =
        new("PIN5", "Too many wrong PINs: the account is locked for payments. Contact your bank.");

    public static readonly FailureReason Timeout =
        new("AB05", "The bank did not answer in time. No money was taken; please try again.");

    public static readonly FailureReason Expired =
        new("EXPD", "This checkout has expired.");

    public static readonly FailureReason Duplicate =
        new("DUPL", "This checkout is already paid or another payment for it is in progress.");

    public static readonly FailureReason Refused =
        new("RJCT", "The bank refused the payment.");

    public static readonly FailureReason Deactivated =
        new("INAC", "This payment link is no longer active.");

    public static readonly FailureReason TooManyAttempts =
        new("TMAT", "Too many failed attempts on this payment link. Ask the merchant for a new link.");

    public static readonly FailureReason Abandoned =
        new("ABND", "The customer chose another way to pay.");

    /// <summary>
    /// What a customer is told for every refusal of the account and PIN they typed (unknown account, closed, wrong PIN,
    /// locked): one answer, so that the checkout is no directory of valid accounts and no oracle for PINs. The
    /// merchant's view keeps the precise code.
    /// </summary>
    public static readonly FailureReason CredentialsRefused =
        new("AUTH", "This account number and PIN do not match. Check both and try again.");

    private static readonly HashSet<string> CredentialCodes = [UnknownAccount.Code, ClosedAccount.Code, WrongPin.Code, PinLocked.Code];

    /// <summary>Whether <paramref name="code"/> refuses the payer's account or PIN (see <see cref="CredentialsRefused"/>).</summary>
    public static bool IsCredentialRefusal(string? code) => code is not null && CredentialCodes.Contains(code);

    private static readonly Dictionary<string, FailureReason> ByCode = new[]
    {
        InsufficientFunds, UnknownAccount, ClosedAccount, WrongPin, PinLocked, Timeout, Expired, Duplicate, Refused, Deactivated, TooManyAttempts, Abandoned,
    }.ToDictionary(r => r.Code);

    /// <summary>The well-known reason for a code, or a generic refusal naming it, for codes a rail may add.</summary>
    public static FailureReason FromCode(string code, string? message = null) =>
        ByCode.TryGetValue(code, out var reason) ? reason : new FailureReason(code, message ?? Refused.Message);
}
