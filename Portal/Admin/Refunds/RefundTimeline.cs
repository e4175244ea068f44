using Portal.Admin.Payments;
using Portal.Domain.Refunds;

namespace Portal.Admin.Refunds;

/// <summary>
/// Turns a refund's recorded instants into its seven timeline lines. A refund records no failed step, only where it
/// stopped: the step after the last one reached is where it failed (the bank refused) or was rejected (step 2).
/// </summary>
public static class RefundTimeline
{
    public static IReadOnlyList<RefundTimelineStep> Of(RefundView refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var stoppedAt = refund.Status switch
        {
            RefundStatus.Rejected => (RefundStep?)RefundStep.Approved,
            RefundStatus.Failed => refund.Step < RefundStep.Processed ? refund.Step + 1 : null,
            _ => null,
        };
        var stoppedInstant = refund.Status == RefundStatus.Rejected ? refund.RejectedAt : refund.FailedAt;

        var lines = new List<RefundTimelineStep>(7);
        DateTimeOffset? previous = null;
        foreach (var step in Enum.GetValues<RefundStep>())
        {
            var at = refund.TimeOf(step);
            StepState state;
            if (at is not null)
            {
                state = StepState.Done;
            }
            else if (step == stoppedAt)
            {
                state = StepState.Failed;
                at = stoppedInstant;
            }
            else
            {
                state = refund.IsFinal && step != RefundStep.Notified ? StepState.Skipped
                    : refund.Status == RefundStatus.Rejected ? StepState.Skipped
                    : StepState.Pending;
            }
            lines.Add(new RefundTimelineStep(step, state, at, at - previous));
            previous = at ?? previous;
        }
        return lines;
    }
}
