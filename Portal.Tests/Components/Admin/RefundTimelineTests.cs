using Portal.Admin.Payments;
using Portal.Admin.Refunds;
using Portal.Domain.Refunds;

namespace Portal.Tests.Components.Admin;

public sealed class RefundTimelineTests
{
    [Fact]
    public void Of_Pending_MarksStepsAfterRequestPending()
    {
        var lines = RefundTimeline.Of(new RefundViewBuilder().Build());

        Assert.Equal([StepState.Done, .. Enumerable.Repeat(StepState.Pending, 6)], lines.Select(l => l.State));
    }

    [Fact]
    public void Of_Rejected_StopsAtApprovalAndSkipsTheRest()
    {
        var lines = RefundTimeline.Of(new RefundViewBuilder().Rejected().Build());

        Assert.Equal([StepState.Done, StepState.Failed, .. Enumerable.Repeat(StepState.Skipped, 5)], lines.Select(l => l.State));
        Assert.Equal(RefundViewBuilder.Start.AddMinutes(5), lines[1].At);
        Assert.Equal("Rejected", lines[1].Name);
    }

    [Fact]
    public void Of_FailedAfterSending_StopsAtVerificationAndStillAwaitsNotification()
    {
        var lines = RefundTimeline.Of(new RefundViewBuilder().Through(RefundStep.OrderSent).Failed("AM04", "No funds.").Build());

        Assert.Equal(
            [StepState.Done, StepState.Done, StepState.Done, StepState.Done, StepState.Failed, StepState.Skipped, StepState.Pending],
            lines.Select(l => l.State));
    }

    [Fact]
    public void Of_Succeeded_MarksAllSevenDone()
    {
        var lines = RefundTimeline.Of(new RefundViewBuilder().Through(RefundStep.Notified).Build());

        Assert.All(lines, l => Assert.Equal(StepState.Done, l.State));
        Assert.Equal(TimeSpan.FromMilliseconds(100), lines[6].SincePrevious);
    }
}
