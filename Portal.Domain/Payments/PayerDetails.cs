using Portal.Domain.Common;

namespace Portal.Domain.Payments;

/// <summary>
/// What the payer typed at step 2, and the FX quote they confirmed when their account is in another currency (its id,
/// null when they were shown none). Held in memory for one request; ToString hides account and PIN.
/// </summary>
public sealed record PayerDetails(AccountNumber Account, Pin Pin, string? ConfirmedQuoteId = null)
{
    /// <summary>Parses both fields and names every one that is wrong, so the form can mark them.</summary>
    public static PayerDetails Parse(string? account, string? pin, string? confirmedQuoteId = null)
    {
        var errors = new ValidationErrors();
        if (!AccountNumber.TryParse(account, out var parsedAccount))
        {
            errors.Add("Account", "An account number has 12 to 19 digits.");
        }
        if (!Pin.TryParse(pin, out var parsedPin))
        {
            errors.Add("Pin", "A PIN is six digits.");
        }
        errors.ThrowIfAny();
        return new PayerDetails(parsedAccount, parsedPin, string.IsNullOrEmpty(confirmedQuoteId) ? null : confirmedQuoteId);
    }

    public override string ToString() => $"PayerDetails {Account.Masked}";
}
