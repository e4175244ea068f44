using Portal.Admin.Payments;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>One line of a refund's step timeline, in the same states as a payment's (<see cref="StepState"/>).</summary>
public sealed record RefundTimelineStep(RefundStep Step, StepState State, DateTimeOffset? At, TimeSpan? SincePrevious)
{
    // A refused approval is the step where the refund stopped; "2. Approved" beside a red cross would say the opposite.
    public string Name => Step == RefundStep.Approved && State == StepState.Failed ? "Rejected" : RefundNames.Of(Step);
}
