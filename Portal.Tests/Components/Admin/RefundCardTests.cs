using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Refunds;

namespace Portal.Tests.Components.Admin;

public sealed class RefundCardTests : AdminComponentTest
{
    [Fact]
    public void Render_PendingAndViewerMayDecide_OffersApproveAndReject()
    {
        var cut = Render<RefundCard>(p => p.Add(c => c.Refund, new RefundViewBuilder().Build()));

        Assert.Equal(["Approve", "Reject"], ButtonTexts(cut));
        Assert.Empty(cut.FindAll(".waiting"));
    }

    [Fact]
    public void Render_PendingWithAReason_SaysWhyItNeedsASecondApprover()
    {
        var refund = new RefundViewBuilder().Build() with
        {
            ApprovalReason = "This payment's refunds would total CNY 2,000.00, above the CNY 1,000.00 threshold.",
        };

        var cut = Render<RefundCard>(p => p.Add(c => c.Refund, refund));

        Assert.Contains("This payment's refunds would total CNY 2,000.00", cut.Find(".approval-reason").TextContent);
    }

    [Fact]
    public void Render_PendingOwnRequest_SaysItWaitsForSecondApproverWithoutButtons()
    {
        var cut = Render<RefundCard>(p => p.Add(c => c.Refund, new RefundViewBuilder().RequestedByViewer().Build()));

        Assert.Empty(ButtonTexts(cut));
        Assert.Contains("Waiting for a second approver", cut.Find(".waiting").TextContent);
    }

    [Fact]
    public void Render_PendingViewerWhoMayNotDecide_ShowsNoButtons()
    {
        var cut = Render<RefundCard>(p => p.Add(c => c.Refund, new RefundViewBuilder().NotDecidable().Build()));

        Assert.Empty(ButtonTexts(cut));
        Assert.Contains("Waiting for a second approver", cut.Find(".waiting").TextContent);
    }

    [Fact]
    public void Render_Succeeded_ShowsApproverAndNoButtons()
    {
        var refund = new RefundViewBuilder().Through(Portal.Domain.Refunds.RefundStep.Notified).Build();

        var cut = Render<RefundCard>(p => p.Add(c => c.Refund, refund));

        Assert.Empty(ButtonTexts(cut));
        Assert.Contains("Approved by Olivia Owner", cut.Find(".decided").TextContent);
    }

    [Fact]
    public void Render_Failed_ShowsCodeAndMessage()
    {
        var refund = new RefundViewBuilder().Through(Portal.Domain.Refunds.RefundStep.OrderSent)
            .Failed("AM04", "The settlement account does not have enough funds for this refund.").Build();

        var cut = Render<RefundCard>(p => p.Add(c => c.Refund, refund));

        var failure = cut.Find(".failure").TextContent;
        Assert.Contains("AM04", failure);
        Assert.Contains("does not have enough funds", failure);
    }

    [Fact]
    public async Task Approve_Clicked_RaisesOnApproveWithTheRefund()
    {
        var refund = new RefundViewBuilder().Build();
        RefundView? approved = null;
        var cut = Render<RefundCard>(p => p
            .Add(c => c.Refund, refund)
            .Add(c => c.OnApprove, (RefundView r) => approved = r));

        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").ClickAsync(new MouseEventArgs());

        Assert.Same(refund, approved);
    }

    private static string[] ButtonTexts(IRenderedComponent<RefundCard> cut) =>
        cut.FindAll("button").Select(b => b.TextContent.Trim()).ToArray();
}
