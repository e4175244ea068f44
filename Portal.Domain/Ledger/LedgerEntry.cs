namespace Portal.Domain.Ledger;

/// <summary>One leg of a ledger transaction: a debit (negative) or credit (positive) of one account, in minor units.</summary>
public sealed record LedgerEntry(string AccountNumber, long AmountMinorUnits, string CurrencyCode);
