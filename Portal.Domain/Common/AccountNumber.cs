namespace Portal.Domain.Common;

/// <summary>
/// A payer's or merchant's account number at a rail. Its <see cref="ToString"/> is masked so that it cannot
/// leak into a log or a page by accident; the full value is read only where it must cross to the rail.
/// </summary>
public sealed record AccountNumber
{
    private AccountNumber(string value) => Value = value;

    /// <summary>The full number. Never log or display it: use <see cref="Masked"/>.</summary>
    public string Value { get; }

    /// <summary>First four and last four digits, the rest hidden ("6200 •••• 0001").</summary>
    public string Masked => Mask(Value);

    public static bool TryParse(string? text, out AccountNumber account)
    {
        account = null!;
        var digits = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length is < 12 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        account = new AccountNumber(digits);
        return true;
    }

    public static AccountNumber Parse(string text) =>
        TryParse(text, out var account)
            ? account
            : throw new DomainValidationException("Account", "An account number has 12 to 19 digits.");

    public static string Mask(string value) =>
        value.Length <= 8 ? new string('•', value.Length) : $"{value[..4]} •••• {value[^4..]}";

    public override string ToString() => Masked;
}
