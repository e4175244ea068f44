using Portal.Audit;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.SandboxBank;

namespace Portal.Bench;

/// <summary>
/// One slice of a grown history, in the state the domain left it, ready to be inserted together: Portal's rows and the
/// sandbox bank's rows of the same orders.
/// </summary>
internal sealed class HistoryBatch
{
    public List<Checkout> Checkouts { get; } = [];

    public List<Payment> Payments { get; } = [];

    public List<Refund> Refunds { get; } = [];

    public List<AuditEntry> AuditEntries { get; } = [];

    public List<BankOrder> BankOrders { get; } = [];

    public List<BankQuote> BankQuotes { get; } = [];

    /// <summary>Step 6's bookings, each holding its entries.</summary>
    public List<BankLedgerTransaction> BankTransactions { get; } = [];
}
