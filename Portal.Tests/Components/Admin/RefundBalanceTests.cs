using Bunit;
using Portal.Admin.Refunds;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Identity;

namespace Portal.Tests.Components.Admin;

public sealed class RefundBalanceTests : AdminComponentTest
{
    [Theory]
    [InlineData(StaffRole.Owner)]
    [InlineData(StaffRole.Manager)]
    public void Render_ManagerOrOwner_OffersRefund(StaffRole role)
    {
        var cut = RenderBalance(Staff(role), Refunds(PaymentStatus.Succeeded, refundable: 300m));

        Assert.Single(RefundButtons(cut));
    }

    [Fact]
    public void Render_Viewer_OffersNoRefund()
    {
        var cut = RenderBalance(Staff(StaffRole.Viewer), Refunds(PaymentStatus.Succeeded, refundable: 300m));

        Assert.Empty(RefundButtons(cut));
    }

    [Fact]
    public void Render_FailedPayment_OffersNoRefund()
    {
        var cut = RenderBalance(Staff(StaffRole.Owner), Refunds(PaymentStatus.Failed, refundable: 0m));

        Assert.Empty(RefundButtons(cut));
    }

    [Fact]
    public void Render_NothingLeft_OffersNoRefundAndShowsWhatWasRefunded()
    {
        var cut = RenderBalance(Staff(StaffRole.Owner), Refunds(PaymentStatus.Succeeded, refundable: 0m, refunded: 1_500m));

        Assert.Empty(RefundButtons(cut));
        Assert.Equal("CNY 0.00", cut.Find(".refundable").TextContent.Trim());
        Assert.Equal("CNY 1,500.00", cut.Find(".refunded").TextContent.Trim());
    }

    private IRenderedComponent<RefundBalance> RenderBalance(StaffMember staff, PaymentRefunds refunds) =>
        Render<RefundBalance>(p => p.Add(c => c.Refunds, refunds).Add(c => c.Staff, staff));

    private static IEnumerable<AngleSharp.Dom.IElement> RefundButtons(IRenderedComponent<RefundBalance> cut) =>
        cut.FindAll("button").Where(b => b.TextContent.Trim() == "Refund");

    private static StaffMember Staff(StaffRole role) =>
        new($"user-{role}", $"{role}@demo.test".ToLowerInvariant(), role.ToString(), Guid.CreateVersion7(), role);

    private static PaymentRefunds Refunds(PaymentStatus status, decimal refundable, decimal refunded = 0m) =>
        new(Guid.CreateVersion7(), status, Money.Of(refundable, "CNY"), Money.Of(refunded, "CNY"), Money.Of(1_000m, "CNY"), 180, []);
}
