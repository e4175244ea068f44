using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Reports;
using Portal.Domain.Common;
using Portal.Domain.Reconciliation;

namespace Portal.Tests.Components.Admin;

public sealed class DifferenceTableTests : AdminComponentTest
{
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ThousandDifferences_ShowsOnePageOfThem()
    {
        var cut = Render<DifferenceTable>(p => p.Add(c => c.Differences, Differences(1000)));

        Assert.Equal(50, cut.FindAll("tr.difference-row").Count);
        Assert.Contains("BANK-0000", cut.Markup);
        Assert.DoesNotContain("BANK-0050", cut.Markup);
    }

    [Fact]
    public async Task NextPage_Clicked_ShowsTheNextDifferences()
    {
        var cut = Render<DifferenceTable>(p => p.Add(c => c.Differences, Differences(120)));

        await cut.Find("button[aria-label='Next page']").ClickAsync(new MouseEventArgs());

        Assert.Equal(50, cut.FindAll("tr.difference-row").Count);
        Assert.Contains("BANK-0050", cut.Markup);
        Assert.DoesNotContain("BANK-0049", cut.Markup);
    }

    [Fact]
    public void Render_FewDifferences_ShowsThemAllWithoutPager()
    {
        var cut = Render<DifferenceTable>(p => p.Add(c => c.Differences, Differences(3)));

        Assert.Equal(3, cut.FindAll("tr.difference-row").Count);
        Assert.Empty(cut.FindAll("button[aria-label='Next page']"));
    }

    // Movements only the bank knows, a minute apart, each named by its own bank reference.
    private static List<ReconciliationDifference> Differences(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ReconciliationDifference(DifferenceKind.MissingInPortal,
            $"BANK-{i:D4}", null, Money.Of(10m + i, "CNY"), Day.AddMinutes(i), "The bank booked a movement Portal has no order for."))];
}
