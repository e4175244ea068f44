using Bunit;
using Portal.Domain.Payments;
using Portal.Pay;

namespace Portal.Tests.Components.Pay;

public sealed class PaymentProgressTests : PayComponentTest
{
    [Fact]
    public void Render_ProcessingAfterStepFour_FourDoneFifthActive()
    {
        var cut = Render<PaymentProgress>(p => p.Add(c => c.Payment, Snapshot(PaymentStep.OrderSent, PaymentStatus.Processing)));

        var states = cut.FindAll(".co-steps > li").Select(li => li.GetAttribute("data-state") ?? "").ToArray();

        Assert.Equal<string[]>(["done", "done", "done", "done", "active", "waiting", "waiting"], states);
    }

    [Fact]
    public void Render_FailedAtVerification_MarksStepFiveFailed()
    {
        var payment = Snapshot(PaymentStep.OrderSent, PaymentStatus.Failed, PaymentStep.PayeeVerified, "PIN1", "The PIN is not correct.");

        var cut = Render<PaymentProgress>(p => p.Add(c => c.Payment, payment));

        Assert.Equal("failed", cut.Find("li[data-step='5']").GetAttribute("data-state"));
        Assert.Equal("skipped", cut.Find("li[data-step='6']").GetAttribute("data-state"));
    }

    [Fact]
    public void Render_Succeeded_ShowsSevenStepsWithElapsedTimes()
    {
        var cut = Render<PaymentProgress>(p => p.Add(c => c.Payment, Snapshot(PaymentStep.Notified, PaymentStatus.Succeeded)));

        Assert.Equal(7, cut.FindAll("li[data-state='done']").Count);
        Assert.Equal("+1.500 s", cut.Find("li[data-step='7'] .co-step-time").TextContent);
    }

    [Fact]
    public void Render_Collapsed_StepsFoldedUnderHowItWent()
    {
        var cut = Render<PaymentProgress>(p => p
            .Add(c => c.Payment, Snapshot(PaymentStep.Notified, PaymentStatus.Succeeded))
            .Add(c => c.Collapsed, true));

        Assert.Equal("How it went", cut.Find("details.co-details > summary").TextContent);
        Assert.Equal(7, cut.FindAll("details.co-details li[data-state='done']").Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Render_AllSevenStepsDone_StaysWithin128Frames(bool collapsed)
    {
        // Every waiting customer's circuit holds this list twice; past 128 frames its buffers double to 20 KB a page.
        await using var renderer = new FrameCountingRenderer(Services);

        var frames = await renderer.CountFramesAsync<PaymentProgress>(new Dictionary<string, object?>
        {
            [nameof(PaymentProgress.Payment)] = Snapshot(PaymentStep.Notified, PaymentStatus.Succeeded),
            [nameof(PaymentProgress.Collapsed)] = collapsed,
        });

        Assert.InRange(frames, 1, 128);
    }
}
