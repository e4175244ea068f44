using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Portal.Admin.Payments;

namespace Portal.Tests.Components.Admin;

public sealed class PaymentFilterBarTests : AdminComponentTest
{
    private readonly List<PaymentFilter> _applied = [];

    [Fact]
    public async Task Apply_AmountsAndSearch_RaisesFilterInExactMinorUnits()
    {
        var cut = RenderBar();

        await Field(cut, "Min CNY").InputAsync(new ChangeEventArgs { Value = "12.34" });
        await Field(cut, "Max CNY").InputAsync(new ChangeEventArgs { Value = "100" });
        await Field(cut, "Payment id or reference").InputAsync(new ChangeEventArgs { Value = "ORD-7" });
        await ClickApplyAsync(cut);

        var filter = Assert.Single(_applied);
        Assert.Equal((1234L, 10000L, "ORD-7"), (filter.MinAmount?.MinorUnits, filter.MaxAmount?.MinorUnits, filter.Search));
    }

    [Fact]
    public async Task EnterInSearch_WithPaymentId_AppliesTheSearch()
    {
        var cut = RenderBar();

        await Field(cut, "Payment id or reference").InputAsync(new ChangeEventArgs { Value = "01a24e63-e6b3" });
        await Field(cut, "Payment id or reference").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("01a24e63-e6b3", Assert.Single(_applied).Search);
    }

    [Fact]
    public async Task Apply_TooManyDecimals_ShowsWhyAndAppliesNothing()
    {
        var cut = RenderBar();

        await Field(cut, "Min CNY").InputAsync(new ChangeEventArgs { Value = "12.345" });
        await ClickApplyAsync(cut);

        Assert.Empty(_applied);
        Assert.Contains("at most 2 decimals", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FilterInForce_ShowsItsValues()
    {
        var cut = RenderBar(PaymentFilter.None with { MinAmount = Portal.Domain.Common.Money.Of(5.5m, "CNY"), Search = "ABC" });

        Assert.Equal("5.50", Field(cut, "Min CNY").GetAttribute("value"));
        Assert.Equal("ABC", Field(cut, "Payment id or reference").GetAttribute("value"));
    }

    [Fact]
    public async Task Clear_WithFilter_RaisesNoFilter()
    {
        var cut = RenderBar(PaymentFilter.None with { Search = "ABC" });

        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Clear").ClickAsync(new MouseEventArgs());

        Assert.Equal(PaymentFilter.None, Assert.Single(_applied));
    }

    private IRenderedComponent<PaymentFilterBar> RenderBar(PaymentFilter? value = null)
    {
        Render<MudPopoverProvider>();
        return Render<PaymentFilterBar>(p => p
            .Add(c => c.Value, value ?? PaymentFilter.None)
            .Add(c => c.CurrencyCode, "CNY")
            .Add(c => c.OnApply, filter => _applied.Add(filter)));
    }

    // The input of the MudBlazor field whose label reads as people see it.
    private static IElement Field(IRenderedComponent<PaymentFilterBar> cut, string label) =>
        cut.FindAll(".mud-input-control")
            .Single(control => control.QuerySelector("label")?.TextContent.Trim() == label)
            .QuerySelector("input")!;

    private static Task ClickApplyAsync(IRenderedComponent<PaymentFilterBar> cut) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Apply filters").ClickAsync(new MouseEventArgs());
}
