using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>Turns a payment's recorded instants into its seven timeline lines.</summary>
public static class PaymentTimeline
{
    public static IReadOnlyList<TimelineStep> Of(PaymentDetail payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var lines = new List<TimelineStep>(7);
        DateTimeOffset? previous = null;
        foreach (var step in Enum.GetValues<PaymentStep>())
        {
            var at = payment.TimeOf(step);
            StepState state;
            if (payment.FailedAtStep == step)
            {
                state = StepState.Failed;
                at ??= payment.FailedAt;
            }
            else if (at is not null)
            {
                state = StepState.Done;
            }
            else
            {
                state = payment.IsFinal ? StepState.Skipped : StepState.Pending;
            }

            lines.Add(new TimelineStep(step, state, at, at - previous));
            previous = at ?? previous;
        }
        return lines;
    }
}
