using Bunit;
using Portal.Admin.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class PaymentTableTests : AdminComponentTest
{
    [Fact]
    public void Render_NoPayments_ShowsEmptyState()
    {
        var cut = Render<PaymentTable>(p => p.Add(c => c.Rows, []).Add(c => c.ShowCreateLink, true));

        Assert.Contains("No payments yet — create a payment link", cut.Find(".empty-state").TextContent);
    }

    [Fact]
    public void Render_ViewerWithNoPayments_OffersNoCreateButton()
    {
        var cut = Render<PaymentTable>(p => p.Add(c => c.Rows, []).Add(c => c.ShowCreateLink, false));

        Assert.DoesNotContain(cut.FindAll(".empty-state a"), a => a.GetAttribute("href") == "admin/links/new");
    }
}
