namespace Portal.Domain.Refunds;

/// <summary>
/// What staff asked for. <see cref="Amount"/> is the amount as typed (null: everything still refundable), read in the
/// payment's currency; <see cref="Currency"/>, when given, must be the payment's. One <see cref="IdempotencyKey"/> per
/// request: the same key again is the same refund.
/// </summary>
public sealed record RefundRequest(
    string? Amount,
    RefundReason Reason,
    string? Note,
    string IdempotencyKey,
    string? Currency = null);
