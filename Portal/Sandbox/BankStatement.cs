namespace Portal.Sandbox;

/// <summary>An account's balance and its most recent ledger entries, newest first.</summary>
public sealed record BankStatement(
    string Account,
    string CurrencyCode,
    long BalanceMinorUnits,
    DateTimeOffset At,
    IReadOnlyList<BankStatementLine> Lines);
