namespace Portal.SandboxBank;

/// <summary>
/// An account's balance and ledger entries, newest first: the latest ones, or those posted in
/// [<see cref="From"/>, <see cref="To"/>). <see cref="IsComplete"/> is false when more entries matched than were sent.
/// </summary>
public sealed record BankStatement(
    string Account,
    string CurrencyCode,
    long BalanceMinorUnits,
    DateTimeOffset At,
    IReadOnlyList<BankStatementLine> Lines,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool IsComplete = true);
