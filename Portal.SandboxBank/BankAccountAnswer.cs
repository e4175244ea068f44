namespace Portal.SandboxBank;

/// <summary>The bank's signed answer about an account opened (201) or found as asked (200).</summary>
public sealed record BankAccountAnswer(string Number, string Kind, string Currency, string Status)
{
    public static BankAccountAnswer From(BankAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Number, account.Kind.ToString(), account.CurrencyCode, account.Status.ToString());
    }
}
