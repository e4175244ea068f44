namespace Portal.SandboxBank;

/// <summary>One leg of a ledger transaction: negative debits, positive credits, in minor units.</summary>
public sealed class BankLedgerEntry
{
    public long Id { get; init; }

    public Guid TransactionId { get; init; }

    public required string AccountNumber { get; init; }

    public long AmountMinorUnits { get; init; }

    public required string CurrencyCode { get; init; }

    /// <summary>
    /// Its transaction's <see cref="BankLedgerTransaction.PostedAt"/>, copied when the entry is written and never
    /// changed: a statement reads an account's entries of a range from one index, without the transactions.
    /// </summary>
    public DateTimeOffset PostedAt { get; init; }
}
