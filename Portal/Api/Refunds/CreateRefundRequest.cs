using Portal.Domain.Refunds;

namespace Portal.Api.Refunds;

/// <summary>The body of <c>POST /api/v1/payments/{id}/refunds</c>.</summary>
/// <param name="Amount">Decimal string in the payment's currency, e.g. "10.00"; default: all that is still refundable.</param>
/// <param name="Reason">requested_by_customer (default), returned, not_delivered, duplicate, fraudulent or other.</param>
/// <param name="Note">Free text for the merchant's staff (at most 500 characters).</param>
public sealed record CreateRefundRequest(string? Amount, RefundReason? Reason, string? Note);
