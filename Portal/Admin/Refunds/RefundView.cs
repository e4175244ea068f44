using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// One refund as a staff member sees it. <see cref="CanDecide"/> is the entity's own rule
/// (<see cref="Refund.CanBeDecidedBy"/>) asked for the viewer when the row is read, so no page re-derives who may approve.
/// </summary>
public sealed record RefundView(
    Guid Id,
    Guid PaymentId,
    Money Amount,
    RefundStatus Status,
    RefundStep Step,
    IReadOnlyList<RefundStepTime> Steps,
    RefundReason Reason,
    string? Note,
    bool NeedsApproval,
    string RequestedByName,
    DateTimeOffset RequestedAt,
    string? ApprovedByName,
    DateTimeOffset? ApprovedAt,
    string? RejectedByName,
    DateTimeOffset? RejectedAt,
    DateTimeOffset? FailedAt,
    string? FailureCode,
    string? FailureMessage,
    bool IsOwnRequest,
    bool CanDecide,
    int Version,
    string? ApprovalReason = null)
{
    public bool IsFinal => Status is RefundStatus.Succeeded or RefundStatus.Failed or RefundStatus.Rejected;

    public bool IsPending => Status == RefundStatus.PendingApproval;

    public DateTimeOffset? TimeOf(RefundStep step) => Steps.FirstOrDefault(s => s.Step == step)?.At;

    public static RefundView From(Refund refund, StaffActor viewer)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(viewer);
        var snapshot = refund.Snapshot();
        return new(refund.Id, refund.PaymentId, refund.Amount, refund.Status, refund.Step, snapshot.Steps, refund.Reason,
            refund.Note, refund.NeedsApproval, refund.RequestedByName, refund.RequestedAt, refund.ApprovedByName,
            refund.ApprovedAt, refund.RejectedByName, refund.RejectedAt, refund.FailedAt, refund.FailureCode,
            refund.FailureMessage, refund.RequestedById == viewer.UserId, refund.CanBeDecidedBy(viewer), refund.Version,
            refund.ApprovalReason);
    }
}
