using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Links;

namespace Portal.Tests.Components.Admin;

public sealed class StoreCodePanelTests : AdminComponentTest
{
    private const string Url = "http://127.0.0.1:5191/pay/store/abcdefghijklmnopqrstuvwxyz0";

    [Fact]
    public async Task ReplaceCode_Clicked_RaisesOnRenew()
    {
        var renewed = false;
        var cut = Render<StoreCodePanel>(p => p
            .Add(c => c.StoreUrl, Url)
            .Add(c => c.OnRenew, EventCallback.Factory.Create(this, () => renewed = true)));

        await Button(cut, "Replace code").ClickAsync(new MouseEventArgs());

        Assert.True(renewed);
    }

    [Fact]
    public async Task SwitchOff_ClickedWhileOn_RaisesOnSwitchOff()
    {
        var switchedOff = false;
        var cut = Render<StoreCodePanel>(p => p
            .Add(c => c.StoreUrl, Url)
            .Add(c => c.OnSwitchOff, EventCallback.Factory.Create(this, () => switchedOff = true)));

        await Button(cut, "Switch off").ClickAsync(new MouseEventArgs());

        Assert.True(switchedOff);
        Assert.Empty(cut.FindAll("[data-testid=store-off]"));
    }

    [Fact]
    public async Task Render_SwitchedOff_SaysSoAndOffersSwitchOn()
    {
        var switchedOn = false;
        var cut = Render<StoreCodePanel>(p => p
            .Add(c => c.StoreUrl, Url)
            .Add(c => c.SwitchedOff, true)
            .Add(c => c.OnSwitchOn, EventCallback.Factory.Create(this, () => switchedOn = true)));

        Assert.Contains("Switched off", cut.Find("[data-testid=store-off]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Switch off");
        await Button(cut, "Switch on").ClickAsync(new MouseEventArgs());
        Assert.True(switchedOn);
    }

    [Fact]
    public void Render_Busy_DisablesTheChanges()
    {
        var cut = Render<StoreCodePanel>(p => p.Add(c => c.StoreUrl, Url).Add(c => c.Busy, true));

        Assert.True(Button(cut, "Replace code").HasAttribute("disabled"));
        Assert.True(Button(cut, "Switch off").HasAttribute("disabled"));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<StoreCodePanel> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
