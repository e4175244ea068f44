using Portal.Domain.Common;

namespace Portal.Domain.Ledger;

/// <summary>
/// One movement of money, double-entry: its entries sum to zero per currency, so money is never made or lost.
/// A correction is a new transaction in the opposite direction, never an edit.
/// </summary>
public sealed class LedgerTransaction
{
    private readonly List<LedgerEntry> _entries;

    private LedgerTransaction(Guid id, string reference, DateTimeOffset postedAt, List<LedgerEntry> entries)
    {
        Id = id;
        Reference = reference;
        PostedAt = postedAt;
        _entries = entries;
    }

    public Guid Id { get; }

    /// <summary>What caused it: the order id of a payment or refund.</summary>
    public string Reference { get; }

    public DateTimeOffset PostedAt { get; }

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public static LedgerTransaction Create(string reference, DateTimeOffset postedAt, params LedgerEntry[] entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        if (entries.Length < 2)
        {
            throw new DomainException("A ledger transaction has at least two entries.");
        }
        if (entries.Any(e => e.AmountMinorUnits == 0))
        {
            throw new DomainException("A ledger entry moves a non-zero amount.");
        }
        foreach (var currency in entries.GroupBy(e => e.CurrencyCode))
        {
            if (currency.Sum(e => e.AmountMinorUnits) != 0)
            {
                throw new DomainException($"Ledger transaction {reference} does not balance in {currency.Key}.");
            }
        }
        return new LedgerTransaction(Guid.CreateVersion7(postedAt), reference, postedAt, entries.ToList());
    }

    /// <summary>Moves an amount from one account to another: the debit and the credit of one transfer.</summary>
    public static LedgerTransaction Transfer(string reference, string from, string to, Money amount, DateTimeOffset postedAt) =>
        amount.IsPositive
            ? Create(reference, postedAt,
                new LedgerEntry(from, -amount.MinorUnits, amount.Currency.Code),
                new LedgerEntry(to, amount.MinorUnits, amount.Currency.Code))
            : throw new DomainException("A transfer moves a positive amount.");
}
