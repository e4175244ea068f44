using Portal.Domain.Refunds;

namespace Portal.Api.Resources;

/// <summary>
/// A refund with its seven steps, as the API and its webhooks show it. A refund of a cross-border payment also says what
/// it returns in the payer's currency (<see cref="PayerAmount"/>, its proportional share of what they paid); null otherwise.
/// </summary>
public sealed record RefundResource(
    Guid Id,
    string Object,
    Guid PaymentId,
    RefundStatus Status,
    string Amount,
    string Currency,
    RefundReason Reason,
    string? Note,
    bool NeedsApproval,
    string? ApprovalReason,
    IReadOnlyList<StepResource> Steps,
    FailureResource? Failure,
    DateTimeOffset CreatedAt,
    string? PayerAmount = null,
    string? PayerCurrency = null)
{
    public static RefundResource From(Refund refund) => From(refund.Snapshot());

    public static RefundResource From(RefundSnapshot refund) => new(
        refund.RefundId,
        "refund",
        refund.PaymentId,
        refund.Status,
        MoneyAmount.Of(refund.Amount),
        refund.CurrencyCode,
        refund.Reason,
        refund.Note,
        refund.NeedsApproval,
        refund.ApprovalReason,
        Enum.GetValues<RefundStep>().Select(step => new StepResource((int)step, StepNames.Of(step), refund.TimeOf(step))).ToList(),
        refund.FailureCode is { } code ? new FailureResource(code, refund.FailureMessage ?? code, null) : null,
        refund.RequestedAt,
        refund.PayerAmount is { } payerAmount ? MoneyAmount.Of(payerAmount) : null,
        refund.PayerAmount?.Currency.Code);
}
