using Microsoft.Playwright;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>
/// The webhooks page with the production rules on (no private networks): an owner who types the cloud metadata address
/// reads why it is refused and nothing is added; rolling a secret says the old one keeps signing for 24 hours, shows
/// the new one once and marks the endpoint. Its own app, whose DNS the test writes; the shared browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhookSafetyPageTests(BrowserAppFixture fixture) : IAsyncLifetime
{
    private readonly FakeDnsPortalApp _app = new(new Dictionary<string, string?> { ["Webhooks:AllowPrivateNetworks"] = "false" });

    public Task InitializeAsync()
    {
        _ = _app.BaseAddress;
        _app.Dns.Map("shop.example", "93.184.216.34");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AddEndpoint_MetadataAddress_RefusedBesideTheFieldAndNothingAdded()
    {
        await using var context = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        await admin.SignInAsync("owner@demo.test");
        await admin.OpenAsync("admin/webhooks");

        await admin.Page.GetByLabel("Endpoint URL").FillAsync("https://169.254.169.254/latest/meta-data/");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();

        await Expect(admin.Page.GetByText(WebhookUrlCheck.NotPublic)).ToBeVisibleAsync();
        await Expect(admin.Page.GetByText("No endpoints yet")).ToBeVisibleAsync();
        await Expect(admin.Page.GetByLabel("Signing secret")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RollSecret_Confirmed_NewSecretShownOnceAndOldStillSigning()
    {
        await using var context = await fixture.Browser.NewContextAsync(_app.BaseAddress);
        var admin = new AdminPageObject(await context.NewPageAsync());
        var page = admin.Page;
        await admin.SignInAsync("owner@demo.test");
        await admin.OpenAsync("admin/webhooks");
        await page.GetByLabel("Endpoint URL").FillAsync("https://shop.example/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        var secretField = page.GetByLabel("Signing secret");
        await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        var first = await secretField.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Roll secret of https://shop.example/hooks" }).ClickAsync();
        await Expect(page.GetByText("For the next 24 hours every delivery is signed with both")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll secret", Exact = true }).ClickAsync();

        await Expect(page.GetByText("the old one also signs for 24 hours")).ToBeVisibleAsync();
        var rolled = await page.GetByLabel("Signing secret").InputValueAsync();
        Assert.StartsWith("whsec_", rolled, StringComparison.Ordinal);
        Assert.NotEqual(first, rolled);
        await Expect(page.Locator("tr.endpoint-row", new() { HasText = "Old secret also signs until" })).ToBeVisibleAsync();
    }
}
