using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.Links;
using Portal.Domain.Common;

namespace Portal.Tests.Components.Admin;

public sealed class LinkCreatedPanelTests : AdminComponentTest
{
    private const string Url = "http://127.0.0.1:5191/pay/abcdefghijklmnopqrstuvwxyz0";

    [Fact]
    public void Render_CreatedLink_ShowsItsFullUrl()
    {
        var cut = RenderPanel();

        Assert.Equal(Url, cut.Find("input#created-link-url").GetAttribute("value"));
    }

    [Fact]
    public void Render_CreatedLink_ShowsQrCodeAsSvgImage()
    {
        var cut = RenderPanel();

        Assert.StartsWith("data:image/svg+xml;base64,", cut.Find("img.link-qr").GetAttribute("src"));
    }

    [Fact]
    public void Render_CreatedLink_OpensCheckoutAtItsUrl()
    {
        var cut = RenderPanel();

        var open = cut.FindAll("a").Single(a => a.TextContent.Contains("Open checkout"));
        Assert.Equal(Url, open.GetAttribute("href"));
    }

    [Fact]
    public async Task CreateAnother_Clicked_RaisesOnCreateAnother()
    {
        var raised = false;
        var cut = RenderPanel(() => raised = true);

        await cut.FindAll("button").Single(b => b.TextContent.Contains("Create another")).ClickAsync(new MouseEventArgs());

        Assert.True(raised);
    }

    [Fact]
    public async Task CopyButton_Clicked_CopiesTheUrl()
    {
        var cut = RenderPanel();

        await cut.Find("button[aria-label='Copy link']").ClickAsync(new MouseEventArgs());

        var call = Assert.Single(JSInterop.Invocations, i => i.Identifier == "portal.copyText");
        Assert.Equal(Url, call.Arguments[0]);
    }

    private IRenderedComponent<LinkCreatedPanel> RenderPanel(Action? onCreateAnother = null) =>
        Render<LinkCreatedPanel>(p => p
            .Add(c => c.Url, Url)
            .Add(c => c.Description, "A pot of Longjing tea")
            .Add(c => c.Amount, Money.Of(88m, "CNY"))
            .Add(c => c.OnCreateAnother, onCreateAnother ?? (() => { })));
}
