using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Paging;

namespace Portal.Tests.Components.Admin;

public sealed class KeysetPagerTests : AdminComponentTest
{
    [Fact]
    public void Render_FirstPage_OffersOnlyOlder()
    {
        var cut = Render<KeysetPager>(p => p.Add(c => c.Label, "Refunds pages").Add(c => c.HasOlder, true));

        Assert.True(Button(cut, "Newest").HasAttribute("disabled"));
        Assert.True(Button(cut, "Newer").HasAttribute("disabled"));
        Assert.False(Button(cut, "Older").HasAttribute("disabled"));
    }

    [Fact]
    public void Render_LastPage_OffersNewestAndNewer()
    {
        var cut = Render<KeysetPager>(p => p.Add(c => c.Label, "Refunds pages").Add(c => c.HasNewer, true));

        Assert.False(Button(cut, "Newest").HasAttribute("disabled"));
        Assert.False(Button(cut, "Newer").HasAttribute("disabled"));
        Assert.True(Button(cut, "Older").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Older_Clicked_RaisesOnOlder()
    {
        var older = false;
        var cut = Render<KeysetPager>(p => p
            .Add(c => c.Label, "Refunds pages")
            .Add(c => c.HasOlder, true)
            .Add(c => c.OnOlder, EventCallback.Factory.Create(this, () => older = true)));

        await Button(cut, "Older").ClickAsync(new MouseEventArgs());

        Assert.True(older);
    }

    [Fact]
    public void Render_Loading_DisablesEveryButton()
    {
        var cut = Render<KeysetPager>(p => p.Add(c => c.Label, "Refunds pages").Add(c => c.HasNewer, true).Add(c => c.HasOlder, true)
            .Add(c => c.Disabled, true));

        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Render_Always_NamesTheNavigationForScreenReaders()
    {
        var cut = Render<KeysetPager>(p => p.Add(c => c.Label, "Audit log pages"));

        Assert.Equal("Audit log pages", cut.Find("nav").GetAttribute("aria-label"));
    }

    private static IElement Button(IRenderedComponent<KeysetPager> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);
}
