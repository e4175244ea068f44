using Portal.Domain.Payments;

namespace Portal.Domain.Rails;

/// <summary>
/// The rail's word on an order. <see cref="VerifiedAt"/> is set when the order passed verification (step 5);
/// a rejection without it failed verification, a rejection with it failed in processing (step 6).
/// </summary>
public sealed record RailResult(
    Guid OrderId,
    RailOrderStatus Status,
    FailureReason? Failure,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? ProcessedAt,
    string? RailReference);
