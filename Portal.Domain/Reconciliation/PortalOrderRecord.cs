using Portal.Domain.Common;

namespace Portal.Domain.Reconciliation;

/// <summary>
/// Portal's record of one order it sent to the rail: a payment or a refund, its amount (positive), the status Portal
/// shows (<see cref="Status"/>, for people) and what that status means for the bank's books (<see cref="Outcome"/>).
/// <see cref="At"/> is when the order was created, which places it in a reconciliation period.
/// </summary>
public sealed record PortalOrderRecord(
    Guid OrderId,
    OrderKind Kind,
    Money Amount,
    string Status,
    RecordedOutcome Outcome,
    DateTimeOffset At)
{
    /// <summary>The movement this record implies on the settlement account: payments credit, refunds debit.</summary>
    public Money ExpectedMovement => Kind == OrderKind.Payment ? Amount : -Amount;
}
