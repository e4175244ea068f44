using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// What staff do to refunds from the admin pages, as the signed-in member of this circuit: the actor comes from
/// <see cref="CurrentStaff"/>, never from a page, and <see cref="RefundFlow"/> checks role and merchant again.
/// </summary>
public sealed class RefundActions(RefundFlow flow, CurrentStaff currentStaff)
{
    public async Task<RefundSnapshot> RequestAsync(Guid paymentId, RefundRequest request)
    {
        var staff = await currentStaff.GetAsync();
        return await flow.RequestAsync(staff.AsActor(), paymentId, request);
    }

    public async Task<RefundSnapshot> ApproveAsync(Guid refundId)
    {
        var staff = await currentStaff.GetAsync();
        return await flow.ApproveAsync(staff.AsActor(), refundId);
    }

    public async Task<RefundSnapshot> RejectAsync(Guid refundId, string? note)
    {
        var staff = await currentStaff.GetAsync();
        return await flow.RejectAsync(staff.AsActor(), refundId, note);
    }
}
