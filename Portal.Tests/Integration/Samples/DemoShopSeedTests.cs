using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.Samples;

/// <summary>
/// The demo seed that lets `dotnet run --project Portal` and `dotnet run --project samples/DemoShop` work together:
/// Portal holds the key and the webhook endpoint whose published secrets the shop ships.
/// </summary>
public sealed class DemoShopSeedTests(DemoShopSeedTests.Fixture fixture) : IClassFixture<DemoShopSeedTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new(new Dictionary<string, string?> { ["Demo:SampleShop"] = "true" });

        public Task InitializeAsync()
        {
            _ = App.BaseAddress;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task SampleShopKey_AfterSeed_AuthenticatesAsDemoShop()
    {
        using var client = ApiKeyIssuer.Client(fixture.App, DemoData.DemoShopApiKeySecret);

        using var response = await client.GetAsync("api/v1/key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(DemoData.DemoShopApiKeyName, body.GetProperty("name").GetString());
        Assert.Contains("checkouts:write", body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        await using var db = await Contexts().CreateDbContextAsync();
        var demo = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        Assert.Equal(demo.Id, body.GetProperty("merchantId").GetGuid());
    }

    [Fact]
    public async Task SampleShopWebhook_AfterSeed_PointsAtTheShopAndSignsWithThePublishedSecret()
    {
        await using var db = await Contexts().CreateDbContextAsync();
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Url == DemoData.DemoShopWebhookUrl);

        Assert.True(endpoint.Enabled);
        Assert.Equal(WebhookEventTypes.All, endpoint.Events);
        var secrets = fixture.App.Services.GetRequiredService<WebhookSecrets>();
        Assert.Equal(DemoData.DemoShopWebhookSecret, secrets.Unprotect(endpoint.ProtectedSecret));
    }

    [Fact]
    public async Task Seed_RunAgain_KeepsOneKeyAndOneEndpoint()
    {
        await DemoData.SeedAsync(fixture.App.Services);

        await using var db = await Contexts().CreateDbContextAsync();
        Assert.Equal(1, await db.ApiKeys.CountAsync(k => k.Name == DemoData.DemoShopApiKeyName));
        Assert.Equal(1, await db.WebhookEndpoints.CountAsync(e => e.Url == DemoData.DemoShopWebhookUrl));
    }

    [Fact]
    public void SampleShopSettings_ForDevelopment_CarryTheSeededSecrets()
    {
        // The shop's appsettings.Development.json is the other half of the demo: it must hold the same values.
        var path = Path.Combine(TestPaths.RepositoryRoot, "samples", "DemoShop", "appsettings.Development.json");
        using var settings = JsonDocument.Parse(File.ReadAllText(path));
        var portal = settings.RootElement.GetProperty("Portal");

        Assert.Equal(DemoData.DemoShopApiKeySecret, portal.GetProperty("ApiKey").GetString());
        Assert.Equal(DemoData.DemoShopWebhookSecret, portal.GetProperty("WebhookSecret").GetString());
    }

    private IDbContextFactory<PortalDbContext> Contexts() =>
        fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
}
