using Portal.Admin.Payments;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>One line of a refund's step timeline, in the same states as a payment's (<see cref="StepState"/>).</summary>
public sealed record RefundTimelineStep(RefundStep Step, StepState State, DateTimeOffset? At, TimeSpan? SincePrevious)
{
    public string Name => RefundNames.Of(Step);
}
