using Portal.Domain.Common;

namespace Portal.Domain.Refunds;

/// <summary>An immutable picture of a refund, as pushed to the pages that watch it and read by them.</summary>
public sealed record RefundSnapshot(
    Guid RefundId,
    Guid PaymentId,
    Guid CheckoutId,
    Guid MerchantId,
    long AmountMinorUnits,
    string CurrencyCode,
    RefundStatus Status,
    RefundStep Step,
    IReadOnlyList<RefundStepTime> Steps,
    RefundReason Reason,
    string? Note,
    bool NeedsApproval,
    string RequestedByName,
    string? ApprovedByName,
    string? RejectedByName,
    DateTimeOffset? RejectedAt,
    string? FailureCode,
    string? FailureMessage,
    int Version,
    string? ApprovalReason = null,
    Money? PayerAmount = null)
{
    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, CurrencyCode);

    public DateTimeOffset RequestedAt => TimeOf(RefundStep.Requested)!.Value;

    public bool IsFinal => Status is RefundStatus.Succeeded or RefundStatus.Failed or RefundStatus.Rejected;

    public DateTimeOffset? TimeOf(RefundStep step) => Steps.FirstOrDefault(s => s.Step == step)?.At;

    public static RefundSnapshot Of(Refund refund) => new(
        refund.Id,
        refund.PaymentId,
        refund.CheckoutId,
        refund.MerchantId,
        refund.AmountMinorUnits,
        refund.CurrencyCode,
        refund.Status,
        refund.Step,
        Enum.GetValues<RefundStep>()
            .Select(step => refund.TimeOf(step) is { } at ? new RefundStepTime(step, at) : null)
            .OfType<RefundStepTime>()
            .ToArray(),
        refund.Reason,
        refund.Note,
        refund.NeedsApproval,
        refund.RequestedByName,
        refund.ApprovedByName,
        refund.RejectedByName,
        refund.RejectedAt,
        refund.FailureCode,
        refund.FailureMessage,
        refund.Version,
        refund.ApprovalReason,
        refund.PayerAmount);
}
