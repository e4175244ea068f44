using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Rails;

namespace Portal.Domain.Refunds;

/// <summary>
/// Money back to the payer of one succeeded payment: a payment in the opposite direction with its own seven steps.
/// It is created by <see cref="Payment.RequestRefund"/>, which holds its amount against what is still refundable;
/// every change checks the step it starts from, records the instant of the step it reaches and bumps <see cref="Version"/>.
/// Who asked, who approved or rejected, when and why stay on it for good.
/// </summary>
public sealed class Refund : IRailOrder
{
    public const int MaxNoteLength = 500;

    private Refund()
    {
    }

    public Guid Id { get; private set; }

    public Guid PaymentId { get; private set; }

    public Guid CheckoutId { get; private set; }

    public Guid MerchantId { get; private set; }

    /// <summary>The payment's method: a fast payment is refunded by the fast rail, accepted then called back.</summary>
    public PaymentMethod Method { get; private set; }

    public long AmountMinorUnits { get; private set; }

    public string CurrencyCode { get; private set; } = "";

    public Money Amount => Money.FromMinorUnits(AmountMinorUnits, CurrencyCode);

    /// <summary>
    /// What the refund returns in the payer's currency when the payment was cross-border: its proportional share of
    /// what the payer paid, as computed when asked and as the rail then booked it. Null for a payment in one currency.
    /// </summary>
    public long? PayerAmountMinorUnits { get; private set; }

    public string? PayerCurrencyCode { get; private set; }

    public Money? PayerAmount => PayerAmountMinorUnits is { } minor ? Money.FromMinorUnits(minor, PayerCurrencyCode!) : null;

    public RefundStatus Status { get; private set; }

    public RefundStep Step { get; private set; }

    public RefundReason Reason { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Above the merchant's threshold when requested: a second Manager or Owner must approve it.</summary>
    public bool NeedsApproval { get; private set; }

    public const int ApprovalReasonMaxLength = 300;

    /// <summary>Why it needs approval, for the approver ("This payment's refunds would total …"); null when it did not.</summary>
    public string? ApprovalReason { get; private set; }

    public string RequestedById { get; private set; } = "";

    public string RequestedByName { get; private set; } = "";

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public string? RejectedById { get; private set; }

    public string? RejectedByName { get; private set; }

    public DateTimeOffset? RejectedAt { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public DateTimeOffset? OrderCreatedAt { get; private set; }
    public DateTimeOffset? OrderSentAt { get; private set; }
    public DateTimeOffset? RailVerifiedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public DateTimeOffset? NotifiedAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    /// <summary>The key of the request that asked for it: the same key again is this refund, not a second one.</summary>
    public string IdempotencyKey { get; private set; } = "";

    public string? RailReference { get; private set; }

    public int Version { get; private set; }

    /// <summary>The rail knows this refund's order by the refund's id.</summary>
    public Guid OrderId => Id;

    public bool IsFinal => Status is RefundStatus.Succeeded or RefundStatus.Failed or RefundStatus.Rejected;

    /// <summary>Whether its amount is still held against the payment.</summary>
    public bool IsInFlight => Status is RefundStatus.PendingApproval or RefundStatus.Processing;

    internal static Refund Request(Payment payment, Money amount, RefundReason reason, string? note, StaffActor by,
        string idempotencyKey, string? approvalReason, DateTimeOffset now, Money? payerAmount = null) => new()
    {
        PayerAmountMinorUnits = payerAmount?.MinorUnits,
        PayerCurrencyCode = payerAmount?.Currency.Code,
        Id = Guid.CreateVersion7(now),
        PaymentId = payment.Id,
        CheckoutId = payment.CheckoutId,
        MerchantId = payment.MerchantId,
        Method = payment.Method,
        AmountMinorUnits = amount.MinorUnits,
        CurrencyCode = amount.Currency.Code,
        Reason = reason,
        Note = note,
        NeedsApproval = approvalReason is not null,
        ApprovalReason = approvalReason is { Length: > ApprovalReasonMaxLength } ? approvalReason[..ApprovalReasonMaxLength] : approvalReason,
        RequestedById = by.UserId,
        RequestedByName = by.Name,
        RequestedAt = now,
        IdempotencyKey = idempotencyKey,
        Status = RefundStatus.PendingApproval,
        Step = RefundStep.Requested,
        Version = 1,
    };

    /// <summary>Whether this staff member may approve or reject it: a Manager or Owner of its merchant other than the requester.</summary>
    public bool CanBeDecidedBy(StaffActor staff) =>
        staff.MerchantId == MerchantId && staff.CanManagePayments && staff.UserId != RequestedById;

    /// <summary>Step 2 by a second pair of eyes. The requester cannot approve their own refund.</summary>
    public void Approve(StaffActor approver, DateTimeOffset now)
    {
        CheckDecider(approver);
        ApproveAs(approver, now);
    }

    /// <summary>Step 2 without a second pair of eyes: at or below the merchant's threshold.</summary>
    internal void ApproveBelowThreshold(StaffActor requester, DateTimeOffset now)
    {
        if (NeedsApproval)
        {
            throw new DomainException("This refund needs a second Manager or Owner to approve it.");
        }
        ApproveAs(requester, now);
    }

    /// <summary>The approver said no. The payment's <see cref="Payment.ReleaseRefund"/> frees the amount.</summary>
    public void Reject(StaffActor approver, string? note, DateTimeOffset now)
    {
        CheckDecider(approver);
        RejectedById = approver.UserId;
        RejectedByName = approver.Name;
        RejectedAt = now;
        if (!string.IsNullOrWhiteSpace(note))
        {
            Note = string.IsNullOrWhiteSpace(Note) ? $"Rejected: {note.Trim()}" : $"{Note} · Rejected: {note.Trim()}";
            if (Note.Length > MaxNoteLength * 2)
            {
                Note = Note[..(MaxNoteLength * 2)];
            }
        }
        Status = RefundStatus.Rejected;
        Version++;
    }

    /// <summary>Step 3: the refund order exists.</summary>
    public void CreateOrder(DateTimeOffset now) => MoveTo(RefundStep.OrderCreated, now);

    /// <summary>Step 4: the signed order is on its way. Saved before sending, so a crash leaves a trace to reconcile.</summary>
    public void MarkSent(DateTimeOffset now) => MoveTo(RefundStep.OrderSent, now);

    /// <summary>Steps 5 and 6 from what the rail said, at the instants it reported (kept within what Portal saw).</summary>
    public void RecordRailResult(RailResult result, DateTimeOffset now) => RailOrderProtocol.Record(this, result, now);

    /// <summary>The refund cannot go on; no money moved. The payment's <see cref="Payment.ReleaseRefund"/> frees the amount.</summary>
    public void Fail(FailureReason reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Status != RefundStatus.Processing)
        {
            throw new InvalidTransitionException(nameof(Refund), Status.ToString(), RefundStatus.Failed.ToString());
        }
        var refundReason = RefundFailures.Explain(reason);
        FailedAt = now;
        FailureCode = refundReason.Code;
        FailureMessage = refundReason.Message;
        Status = RefundStatus.Failed;
        Version++;
    }

    /// <summary>Step 7: merchant and customer were told.</summary>
    public void MarkNotified(DateTimeOffset now) => RailOrderProtocol.Notify(this, now);

    public DateTimeOffset? TimeOf(RefundStep step) => step switch
    {
        RefundStep.Requested => RequestedAt,
        RefundStep.Approved => ApprovedAt,
        RefundStep.OrderCreated => OrderCreatedAt,
        RefundStep.OrderSent => OrderSentAt,
        RefundStep.RailVerified => RailVerifiedAt,
        RefundStep.Processed => ProcessedAt,
        RefundStep.Notified => NotifiedAt,
        _ => null,
    };

    public RefundSnapshot Snapshot() => RefundSnapshot.Of(this);

    private void ApproveAs(StaffActor approver, DateTimeOffset now)
    {
        MoveTo(RefundStep.Approved, now);
        ApprovedById = approver.UserId;
        ApprovedByName = approver.Name;
        Status = RefundStatus.Processing;
    }

    private void CheckDecider(StaffActor staff)
    {
        if (staff.MerchantId != MerchantId)
        {
            throw new NotFoundException("Refund");
        }
        if (!staff.CanManagePayments)
        {
            throw new ForbiddenException("Only a Manager or Owner can approve or reject refunds.");
        }
        if (Status != RefundStatus.PendingApproval)
        {
            throw new DomainValidationException(nameof(Status), Status == RefundStatus.Rejected
                ? "This refund was already rejected."
                : "This refund was already approved.");
        }
        if (staff.UserId == RequestedById)
        {
            throw new DomainValidationException("Approver", "You asked for this refund: a second Manager or Owner must approve it.");
        }
    }

    // The seven-step table, one transition at a time and only forward.
    private void MoveTo(RefundStep next, DateTimeOffset at)
    {
        var allowed = (Step, next, Status) switch
        {
            (RefundStep.Requested, RefundStep.Approved, RefundStatus.PendingApproval) => true,
            (RefundStep.Approved, RefundStep.OrderCreated, RefundStatus.Processing) => true,
            (RefundStep.OrderCreated, RefundStep.OrderSent, RefundStatus.Processing) => true,
            (RefundStep.OrderSent, RefundStep.RailVerified, RefundStatus.Processing) => true,
            (RefundStep.RailVerified, RefundStep.Processed, RefundStatus.Processing) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new InvalidTransitionException(nameof(Refund), $"{Status}/{Step}", next.ToString());
        }
        switch (next)
        {
            case RefundStep.Approved: ApprovedAt = at; break;
            case RefundStep.OrderCreated: OrderCreatedAt = at; break;
            case RefundStep.OrderSent: OrderSentAt = at; break;
            case RefundStep.RailVerified: RailVerifiedAt = at; break;
            case RefundStep.Processed: ProcessedAt = at; break;
        }
        Step = next;
        Version++;
    }

    bool IRailOrder.IsProcessing => Status == RefundStatus.Processing;

    bool IRailOrder.HasResult => Status is RefundStatus.Succeeded or RefundStatus.Failed;

    RailOrderStage IRailOrder.Stage => Step switch
    {
        RefundStep.OrderCreated => RailOrderStage.Created,
        RefundStep.OrderSent => RailOrderStage.Sent,
        RefundStep.RailVerified => RailOrderStage.Verified,
        RefundStep.Processed => RailOrderStage.Processed,
        RefundStep.Notified => RailOrderStage.Notified,
        _ => RailOrderStage.NoOrder,
    };

    DateTimeOffset IRailOrder.LastStepAt => TimeOf(Step) ?? RequestedAt;

    void IRailOrder.Verify(DateTimeOffset at) => MoveTo(RefundStep.RailVerified, at);

    void IRailOrder.Settle(RailResult result, DateTimeOffset at)
    {
        MoveTo(RefundStep.Processed, at);
        Status = RefundStatus.Succeeded;
        RailReference = result.RailReference;
        if (result.PayerAmount is { } payerAmount && PayerCurrencyCode == payerAmount.Currency.Code)
        {
            // The rail's booking is the word: it decided the share on its own record of earlier refunds.
            PayerAmountMinorUnits = payerAmount.MinorUnits;
        }
    }

    void IRailOrder.Notify(DateTimeOffset at)
    {
        NotifiedAt = at;
        Step = RefundStep.Notified;
        Version++;
    }

    InvalidTransitionException IRailOrder.Refuse(string transition) => new(nameof(Refund), $"{Status}/{Step}", transition);
}
