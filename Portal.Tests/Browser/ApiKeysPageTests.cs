using System.Net;
using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>An owner's API key from the admin page to the API and back: created, used over HTTP, revoked.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiKeysPageTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task CreateKey_SecretShownOnce_WorksOverHttpUntilRevoked()
    {
        var name = $"Web shop {Guid.NewGuid():N}"[..17];
        await using var context = await fixture.Browser.NewContextAsync(fixture.App.BaseAddress);
        var owner = new AdminPageObject(await context.NewPageAsync());
        await owner.SignInAsync("owner@demo.test");
        await owner.OpenAsync("admin/api-keys");

        var secret = await CreateKeyAsync(owner.Page, name);
        var row = owner.Page.Locator("tr.api-key-row", new() { HasText = name });
        await Expect(row).ToContainTextAsync("Never");
        // Once the dialog is closed the secret is nowhere on the page, only its first characters.
        Assert.DoesNotContain(secret, await owner.Page.ContentAsync());
        await Expect(row).ToContainTextAsync(secret[..12] + "…");

        using var client = ApiKeyIssuer.Client(fixture.App, secret);
        using (var used = await client.GetAsync("api/v1/key"))
        {
            Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        }
        await owner.OpenAsync("admin/api-keys");
        await Expect(row.Locator(".api-key-last-used")).Not.ToHaveTextAsync("Never");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await owner.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row.Locator(".api-key-status")).ToContainTextAsync("Revoked");

        using var refused = await client.GetAsync("api/v1/key");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<string> CreateKeyAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(dialog.GetByText("You will not see it again")).ToBeVisibleAsync();
        var secret = await dialog.Locator("#api-key-secret").InputValueAsync();
        Assert.StartsWith("psk_", secret);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "I have copied it" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        return secret;
    }
}
