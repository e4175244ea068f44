using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Domain.Rails;

/// <summary>
/// The rail's word on an order. <see cref="VerifiedAt"/> is set when the order passed verification (step 5);
/// a rejection without it failed verification, a rejection with it failed in processing (step 6).
/// <see cref="PayerAmount"/> is what moved in the payer's currency when it is not the order's: a cross-border
/// payment's quoted total, or a cross-border refund's share of it.
/// </summary>
public sealed record RailResult(
    Guid OrderId,
    RailOrderStatus Status,
    FailureReason? Failure,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ProcessedAt,
    string? RailReference,
    Money? PayerAmount = null);
