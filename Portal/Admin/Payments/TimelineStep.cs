using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>One line of the step timeline: the step, when it happened, and how long after the step before it.</summary>
public sealed record TimelineStep(PaymentStep Step, StepState State, DateTimeOffset? At, TimeSpan? SincePrevious)
{
    public string Name => PaymentStepNames.Of(Step);
}
