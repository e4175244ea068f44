using Portal.Domain.Common;

namespace Portal.Domain.Reconciliation;

/// <summary>
/// One thing Portal and the bank disagree about. <see cref="Portal"/> is null for a movement only the bank knows;
/// <see cref="BankAmount"/> is null when the bank booked nothing for the order.
/// </summary>
public sealed record ReconciliationDifference(
    DifferenceKind Kind,
    string Reference,
    PortalOrderRecord? Portal,
    Money? BankAmount,
    DateTimeOffset? BankPostedAt,
    string Explanation)
{
    /// <summary>When the difference arose, as it sorts in a list: Portal's order time, else the bank's posting.</summary>
    public DateTimeOffset At => Portal?.At ?? BankPostedAt ?? DateTimeOffset.MinValue;
}
