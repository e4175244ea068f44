using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.ApiKeys;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// API keys for tests, issued straight into the app's database as the admin page would (same <see cref="ApiKey.Issue"/>),
/// so API tests need no browser. Keys belong to a merchant named as in the demo data.
/// </summary>
public static class ApiKeyIssuer
{
    public static async Task<string> IssueAsync(PortalApp app, string merchantName = DemoData.DemoShop,
        ApiScopes scopes = ApiScopes.All, string name = "Test key")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await using (db)
        {
            var merchant = await db.Merchants.SingleAsync(m => m.Name == merchantName);
            var issued = ApiKey.Issue(merchant.Id, name, scopes, "tests@demo.test", DateTimeOffset.UtcNow);
            db.ApiKeys.Add(issued.Key);
            await db.SaveChangesAsync();
            return issued.Secret;
        }
    }

    /// <summary>An HTTP client for the app's real port that sends the key as a Bearer token.</summary>
    public static HttpClient Client(PortalApp app, string? secret)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        return client;
    }
}
