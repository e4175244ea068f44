using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.ApiKeys;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Api;

/// <summary>Bearer API keys against the running app: what a key is told when it is missing, malformed, wrong or revoked.</summary>
public sealed class ApiKeyAuthenticationTests(ApiKeyAuthenticationTests.Fixture fixture) : IClassFixture<ApiKeyAuthenticationTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public PortalApp App { get; } = new();

        public Task InitializeAsync()
        {
            _ = App.BaseAddress;
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task AValidKey_IsToldItsMerchantAndScopes()
    {
        var secret = await ApiKeyIssuer.IssueAsync(fixture.App, scopes: ApiScopes.CheckoutsWrite | ApiScopes.PaymentsRead, name: "Web shop");
        using var client = ApiKeyIssuer.Client(fixture.App, secret);

        using var response = await client.GetAsync("api/v1/key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Web shop", body.GetProperty("name").GetString());
        Assert.Equal(["checkouts:write", "payments:read"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(await MerchantIdAsync(DemoData.DemoShop), body.GetProperty("merchantId").GetGuid());
    }

    [Theory]
    [InlineData(null, "Send an API key")]
    [InlineData("Basic dXNlcjpwYXNz", "Bearer")]
    [InlineData("Bearer not-a-key", "malformed")]
    [InlineData("Bearer psk_0193a1b2c3d4e5f60718293a4b5c6d7eAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not valid")]
    public async Task AMissingOrBadKey_Gets401ProblemDetails(string? authorization, string titleContains)
    {
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/key");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.Contains(titleContains, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AKeyWithAnotherSecret_IsRefused()
    {
        var secret = await ApiKeyIssuer.IssueAsync(fixture.App);
        var forged = secret[..^4] + (secret.EndsWith("AAAA") ? "BBBB" : "AAAA");
        using var client = ApiKeyIssuer.Client(fixture.App, forged);

        using var response = await client.GetAsync("api/v1/key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ARevokedKey_StopsWorkingAtOnce()
    {
        var secret = await ApiKeyIssuer.IssueAsync(fixture.App);
        using var client = ApiKeyIssuer.Client(fixture.App, secret);
        using (var before = await client.GetAsync("api/v1/key"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        ApiKey.TryReadId(secret, out var id);
        await using (var db = await ContextAsync())
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Id == id);
            key.Revoke("owner@demo.test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        using var after = await client.GetAsync("api/v1/key");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var problem = await after.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("revoked", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AUse_IsRecordedAsLastUse_AndOnlyTheHashIsStored()
    {
        var secret = await ApiKeyIssuer.IssueAsync(fixture.App);
        using var client = ApiKeyIssuer.Client(fixture.App, secret);

        using var response = await client.GetAsync("api/v1/key");

        ApiKey.TryReadId(secret, out var id);
        await using var db = await ContextAsync();
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == id);
        Assert.NotNull(key.LastUsedAt);
        Assert.DoesNotContain(secret[^20..], key.SecretHash + key.SecretSalt + key.Hint);
        Assert.True(key.Matches(secret));
    }

    [Fact]
    public async Task AStaffCookie_DoesNotOpenTheApi_AndAKeyDoesNotOpenTheAdmin()
    {
        using var staff = await StaffHttpClient.SignInAsync(fixture.App.BaseAddress, "owner@demo.test");
        using (var response = await staff.GetAsync("api/v1/key"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var secret = await ApiKeyIssuer.IssueAsync(fixture.App);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = fixture.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        using var admin = await client.GetAsync("admin/payments");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/Account/Login", admin.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AnUnknownApiRoute_IsAProblem_NotTheAppsHtmlPage()
    {
        var secret = await ApiKeyIssuer.IssueAsync(fixture.App);
        using var client = ApiKeyIssuer.Client(fixture.App, secret);

        using var response = await client.GetAsync("api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("not_found", problem.GetProperty("code").GetString());
    }

    private async Task<Guid> MerchantIdAsync(string name)
    {
        await using var db = await ContextAsync();
        return await db.Merchants.Where(m => m.Name == name).Select(m => m.Id).SingleAsync();
    }

    private async Task<PortalDbContext> ContextAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
}
