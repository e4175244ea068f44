using Bunit;
using Portal.Admin.Payments;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class StepTimelineTests : AdminComponentTest
{
    [Fact]
    public void Render_AnyPayment_ShowsSevenNamedSteps()
    {
        var payment = new PaymentDetailBuilder().Through(PaymentStep.DetailsEntered).Build();

        var cut = Render<StepTimeline>(p => p.Add(c => c.Payment, payment));

        var names = cut.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToArray();
        Assert.Equal(
            ["1. Method chosen", "2. Details entered", "3. Verified, order created", "4. Order signed and sent",
             "5. Payee verified", "6. Payee processed", "7. Notified"],
            names);
    }

    [Fact]
    public void Render_CompletedSteps_ShowsDurationSincePreviousStep()
    {
        var payment = new PaymentDetailBuilder().Through(PaymentStep.OrderSent, millisecondsApart: 125).Build();

        var cut = Render<StepTimeline>(p => p.Add(c => c.Payment, payment));

        Assert.Equal("+125 ms", cut.Find("tr[data-step='4'] .since").TextContent.Trim());
        Assert.Equal("", cut.Find("tr[data-step='1'] .since").TextContent.Trim());
    }

    [Fact]
    public void Render_UnfinishedPayment_MarksLaterStepsPending()
    {
        var payment = new PaymentDetailBuilder().Through(PaymentStep.OrderSent).Build();

        var cut = Render<StepTimeline>(p => p.Add(c => c.Payment, payment));

        Assert.Equal(["Done", "Done", "Done", "Done", "Pending", "Pending", "Pending"], States(cut));
    }

    [Fact]
    public void Render_FailedPayment_MarksFailedStepWithCodeAndMessage()
    {
        var payment = new PaymentDetailBuilder()
            .Through(PaymentStep.OrderSent)
            .FailedAt(PaymentStep.PayeeVerified, "PIN1", "The PIN is not correct.")
            .Build();

        var cut = Render<StepTimeline>(p => p.Add(c => c.Payment, payment));

        Assert.Equal(["Done", "Done", "Done", "Done", "Failed", "Skipped", "Skipped"], States(cut));
        var failure = cut.Find("tr[data-step='5'] .failure").TextContent;
        Assert.Contains("PIN1", failure);
        Assert.Contains("The PIN is not correct.", failure);
        Assert.Equal("+400 ms", cut.Find("tr[data-step='5'] .since").TextContent.Trim());
    }

    [Fact]
    public void Render_SucceededPayment_ShowsTotalTimeAndSpeed()
    {
        // Five steps 200 ms apart after step 1: step 6 at 1 s; 1 s for CNY 88.00 is 1.136 s per 100 CNY.
        var payment = new PaymentDetailBuilder().Through(PaymentStep.Notified, millisecondsApart: 200).Build();

        var cut = Render<StepTimeline>(p => p.Add(c => c.Payment, payment));

        Assert.Equal("1.00 s", cut.Find(".total-time").TextContent.Trim());
        Assert.Equal("1.136 s per 100 CNY", cut.Find(".speed").TextContent.Trim());
    }

    private static string[] States(IRenderedComponent<StepTimeline> cut) =>
        cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-state") ?? "").ToArray();
}
