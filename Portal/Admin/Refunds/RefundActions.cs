using Portal.Audit;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// What staff do to refunds from the admin pages, as the signed-in member of this circuit: the actor comes from
/// <see cref="CurrentStaff"/>, never from a page, and <see cref="RefundFlow"/> checks role and merchant again.
/// Each decision that went through is kept in the audit log; RefundFlow's rules are untouched.
/// </summary>
public sealed class RefundActions(RefundFlow flow, CurrentStaff currentStaff, IAuditLog audit)
{
    public async Task<RefundSnapshot> RequestAsync(Guid paymentId, RefundRequest request)
    {
        var staff = await currentStaff.GetAsync();
        var refund = await flow.RequestAsync(staff.AsActor(), paymentId, request);
        await audit.RecordAsync(staff, AuditActions.RefundRequested, $"Requested a refund of {refund.Amount.Format()}",
            "Refund", refund.RefundId.ToString(), new { paymentId, amount = refund.Amount.ToString(), reason = refund.Reason.ToString(), status = refund.Status.ToString() });
        return refund;
    }

    public async Task<RefundSnapshot> ApproveAsync(Guid refundId)
    {
        var staff = await currentStaff.GetAsync();
        var refund = await flow.ApproveAsync(staff.AsActor(), refundId);
        await audit.RecordAsync(staff, AuditActions.RefundApproved, $"Approved a refund of {refund.Amount.Format()}",
            "Refund", refund.RefundId.ToString(), new { amount = refund.Amount.ToString(), status = refund.Status.ToString() });
        return refund;
    }

    public async Task<RefundSnapshot> RejectAsync(Guid refundId, string? note)
    {
        var staff = await currentStaff.GetAsync();
        var refund = await flow.RejectAsync(staff.AsActor(), refundId, note);
        await audit.RecordAsync(staff, AuditActions.RefundRejected, $"Rejected a refund of {refund.Amount.Format()}",
            "Refund", refund.RefundId.ToString(), new { amount = refund.Amount.ToString(), note });
        return refund;
    }
}
