namespace Portal.Bench;

/// <summary>How many rows of each kind a history build wrote, and how long it took.</summary>
internal sealed class HistoryCounts
{
    public int Payments { get; private set; }

    public int Checkouts { get; private set; }

    public int Refunds { get; private set; }

    public int AuditEntries { get; private set; }

    /// <summary>The bank's orders, quotes, ledger transactions and entries.</summary>
    public int BankRows { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public int Rows => Payments + Checkouts + Refunds + AuditEntries + BankRows;

    public void Add(HistoryBatch batch)
    {
        Payments += batch.Payments.Count;
        Checkouts += batch.Checkouts.Count;
        Refunds += batch.Refunds.Count;
        AuditEntries += batch.AuditEntries.Count;
        BankRows += batch.BankOrders.Count + batch.BankQuotes.Count + batch.BankTransactions.Sum(t => 1 + t.Entries.Count);
    }
}
