using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Identity;

namespace Portal.Admin.Refunds;

/// <summary>
/// The refunds of one payment and what is left of it: what the payment detail page's refunds section shows.
/// <see cref="Refundable"/> is the payment's own number (held in-flight amounts already taken off).
/// </summary>
public sealed record PaymentRefunds(
    Guid PaymentId,
    PaymentStatus PaymentStatus,
    Money Refundable,
    Money Refunded,
    Money ApprovalThreshold,
    int WindowDays,
    IReadOnlyList<RefundView> Refunds)
{
    /// <summary>Whether to offer the Refund button: a Manager or Owner, a succeeded payment, something left.</summary>
    public bool CanBeRefundedBy(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.CanManagePayments && PaymentStatus == PaymentStatus.Succeeded && Refundable.IsPositive;
    }

    public int LatestVersion => Refunds.Count == 0 ? 0 : Refunds.Max(r => r.Version);
}
