using Portal.Audit;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Bench;

/// <summary>One slice of a grown history, in the state the domain left it, ready to be inserted together.</summary>
internal sealed class HistoryBatch
{
    public List<Checkout> Checkouts { get; } = [];

    public List<Payment> Payments { get; } = [];

    public List<Refund> Refunds { get; } = [];

    public List<AuditEntry> AuditEntries { get; } = [];
}
