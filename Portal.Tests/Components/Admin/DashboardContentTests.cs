using Bunit;
using Portal.Admin.Dashboard;
using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class DashboardContentTests : AdminComponentTest
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void Render_Figures_ShowsTodaysVolumeCountAndRate()
    {
        var cut = Render<DashboardContent>(p => p.Add(c => c.View, View(
            new PeriodSummary("Today", 9, 6, 2, [Money.Of(1234.5m, "CNY")]), days: 3)));

        Assert.Equal("CNY 1,234.50", cut.Find("[data-testid='today-volume']").TextContent.Trim());
        Assert.Equal("9", cut.Find("[data-testid='today-count']").TextContent.Trim());
        Assert.Equal("75.0%", cut.Find("[data-testid='today-rate']").TextContent.Replace(" ", "", StringComparison.Ordinal).Trim());
    }

    [Fact]
    public void Render_NoPaymentsInTheWindow_ShowsEmptyStatesInsteadOfAChart()
    {
        var cut = Render<DashboardContent>(p => p.Add(c => c.View, View(new PeriodSummary("Today", 0, 0, 0, []), days: 0)));

        Assert.Contains("No payments in the last 30 days", cut.Find(".empty-state").TextContent);
        Assert.Equal("—", cut.Find("[data-testid='today-rate']").TextContent.Trim());
        Assert.Equal(2, cut.FindAll(".method-speeds td").Count(td => td.TextContent.Contains("No succeeded payments yet", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_Speeds_ShowsMedianAndSecondsPer100()
    {
        var speed = new MethodSpeed(PaymentMethod.RealTime, "CNY", 40, TimeSpan.FromMilliseconds(1_250), TimeSpan.FromSeconds(3), 0.4m, 1.2m);

        var cut = Render<DashboardContent>(p => p.Add(c => c.View, View(new PeriodSummary("Today", 40, 40, 0, []), days: 1, speed)));

        Assert.Equal("1.25 s", cut.Find("[data-testid='RealTime-median']").TextContent.Trim());
        Assert.Contains("0.4 s / 100 CNY", cut.Find(".method-speeds").TextContent, StringComparison.Ordinal);
    }

    private static DashboardView View(PeriodSummary today, int days, params MethodSpeed[] speeds) => new(
        new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
        [today, today with { Label = "Last 7 days" }, today with { Label = "Last 30 days" }],
        Enumerable.Range(0, 30).Select(i => new DayCount(Today.AddDays(i - 29), i >= 30 - days ? 3 : 0, 0, 0)).ToArray(),
        speeds);
}
