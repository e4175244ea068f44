namespace Portal.SandboxBank;

/// <summary>
/// An account at the sandbox bank. Balances change only through conditional UPDATE statements in
/// <see cref="Bank"/>, never by loading, checking and saving this row, so two payments cannot both spend
/// the same money.
/// </summary>
public sealed class BankAccount
{
    public required string Number { get; init; }

    public required string HolderName { get; set; }

    public BankAccountKind Kind { get; init; }

    public required string CurrencyCode { get; init; }

    public long BalanceMinorUnits { get; set; }

    /// <summary>PBKDF2 hash of a payer's PIN (<see cref="PinVerifier"/>); null for merchant accounts.</summary>
    public string? PinHash { get; set; }

    public int FailedPinAttempts { get; set; }

    public BankAccountStatus Status { get; set; }

    public DateTimeOffset OpenedAt { get; init; }

    public int Version { get; set; }
}
