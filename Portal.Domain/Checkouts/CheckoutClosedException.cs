using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Domain.Checkouts;

/// <summary>The checkout takes no new payment: paid, expired or cancelled.</summary>
public sealed class CheckoutClosedException(FailureReason reason) : DomainException(reason.Message)
{
    public FailureReason Reason { get; } = reason;
}
