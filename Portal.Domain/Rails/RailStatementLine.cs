using Portal.Domain.Common;

namespace Portal.Domain.Rails;

/// <summary>
/// One movement on a settlement account as the rail booked it. <see cref="Reference"/> is the order id for Portal's
/// orders (payments credit, refunds debit); anything else (a payout, an opening balance) is the rail's own.
/// </summary>
public sealed record RailStatementLine(Guid TransactionId, string Reference, DateTimeOffset PostedAt, Money Amount)
{
    /// <summary>The order this movement settled, when its reference is an order id.</summary>
    public Guid? OrderId => Guid.TryParse(Reference, out var id) ? id : null;
}
