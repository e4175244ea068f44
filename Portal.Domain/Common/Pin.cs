namespace Portal.Domain.Common;

/// <summary>A payer's six-digit PIN on its way to the rail. Portal never stores it; ToString hides it.</summary>
public sealed record Pin
{
    private Pin(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, out Pin pin)
    {
        pin = null!;
        if (text is not { Length: 6 } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }
        pin = new Pin(text);
        return true;
    }

    public static Pin Parse(string text) =>
        TryParse(text, out var pin) ? pin : throw new DomainValidationException("Pin", "A PIN is six digits.");

    public override string ToString() => "******";
}
