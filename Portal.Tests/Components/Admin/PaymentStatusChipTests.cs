using Bunit;
using Portal.Admin.Payments;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class PaymentStatusChipTests : AdminComponentTest
{
    [Theory]
    [InlineData(PaymentStatus.Succeeded, "mud-chip-color-success")]
    [InlineData(PaymentStatus.Failed, "mud-chip-color-error")]
    [InlineData(PaymentStatus.Processing, "mud-chip-color-info")]
    [InlineData(PaymentStatus.Started, "mud-chip-color-warning")]
    public void Render_Status_UsesItsColour(PaymentStatus status, string colourClass)
    {
        var cut = Render<PaymentStatusChip>(p => p.Add(c => c.Status, status));

        Assert.Contains(colourClass, cut.Find(".mud-chip").ClassList);
    }

    [Fact]
    public void Render_Status_SaysItInWords()
    {
        var cut = Render<PaymentStatusChip>(p => p.Add(c => c.Status, PaymentStatus.Abandoned));

        Assert.Equal("Abandoned", cut.Find(".mud-chip").TextContent.Trim());
    }
}
