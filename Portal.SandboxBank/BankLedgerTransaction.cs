using Portal.Domain.Ledger;

namespace Portal.SandboxBank;

/// <summary>A persisted <see cref="LedgerTransaction"/>; written once, never edited.</summary>
public sealed class BankLedgerTransaction
{
    public Guid Id { get; init; }

    public required string Reference { get; init; }

    public DateTimeOffset PostedAt { get; init; }

    public List<BankLedgerEntry> Entries { get; init; } = [];

    public static BankLedgerTransaction From(LedgerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new BankLedgerTransaction
        {
            Id = transaction.Id,
            Reference = transaction.Reference,
            PostedAt = transaction.PostedAt,
            Entries = transaction.Entries.Select(e => new BankLedgerEntry
            {
                TransactionId = transaction.Id,
                AccountNumber = e.AccountNumber,
                AmountMinorUnits = e.AmountMinorUnits,
                CurrencyCode = e.CurrencyCode,
                PostedAt = transaction.PostedAt,
            }).ToList(),
        };
    }
}
