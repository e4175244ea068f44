using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Portal.Admin.ApiKeys;
using Portal.Domain.ApiKeys;

namespace Portal.Tests.Components.Admin;

public sealed class ApiKeyTableTests : AdminComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_Key_ShowsOnlyItsHintNeverMoreOfTheSecret()
    {
        var issued = Issue();
        var cut = RenderTable(issued.Key);

        var hint = cut.Find(".api-key-hint").TextContent;
        Assert.Equal(issued.Key.Hint + "…", hint);
        Assert.DoesNotContain(issued.Secret, cut.Markup);
    }

    [Fact]
    public void Render_Key_ShowsEachScopeAsAChip()
    {
        var cut = RenderTable(Issue(ApiScopes.CheckoutsWrite | ApiScopes.RefundsWrite).Key);

        var chips = cut.FindAll(".api-key-row .mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("checkouts:write", chips);
        Assert.Contains("refunds:write", chips);
        Assert.DoesNotContain("payments:read", chips);
    }

    [Fact]
    public void Render_NeverUsedKey_SaysNever()
    {
        var cut = RenderTable(Issue().Key);

        Assert.Equal("Never", cut.Find(".api-key-last-used").TextContent.Trim());
    }

    [Fact]
    public void Render_UsedKey_ShowsWhenItWasLastUsed()
    {
        var key = Issue().Key;
        key.Touch(Now.AddMinutes(5));

        var cut = RenderTable(key);

        Assert.Equal(Portal.Admin.Shared.DisplayFormat.Time(Now.AddMinutes(5)), cut.Find(".api-key-last-used").TextContent.Trim());
    }

    [Fact]
    public void Render_RevokedKey_SaysRevokedAndOffersNoRevokeButton()
    {
        var key = Issue().Key;
        key.Revoke("owner@demo.test", Now.AddHours(1));

        var cut = RenderTable(key);

        Assert.Contains("Revoked", cut.Find(".api-key-status").TextContent);
        Assert.Empty(cut.FindAll("button[aria-label^='Revoke']"));
    }

    [Fact]
    public async Task Revoke_Clicked_RaisesOnRevokeWithThatKey()
    {
        var key = Issue().Key;
        ApiKey? asked = null;
        var cut = Render<ApiKeyTable>(p => p
            .Add(c => c.Keys, [key])
            .Add(c => c.OnRevoke, k => asked = k));

        await cut.Find("button[aria-label='Revoke Web shop']").ClickAsync(new MouseEventArgs());

        Assert.Same(key, asked);
    }

    [Fact]
    public void Render_NoKeys_InvitesToCreateOne()
    {
        var cut = Render<ApiKeyTable>(p => p.Add(c => c.Keys, []));

        Assert.Contains("No API keys yet", cut.Markup);
    }

    private static IssuedApiKey Issue(ApiScopes scopes = ApiScopes.CheckoutsWrite | ApiScopes.PaymentsRead) =>
        ApiKey.Issue(Guid.CreateVersion7(), "Web shop", scopes, "owner@demo.test", Now);

    private IRenderedComponent<ApiKeyTable> RenderTable(params ApiKey[] keys) =>
        Render<ApiKeyTable>(p => p.Add(c => c.Keys, keys));
}
