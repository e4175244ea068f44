using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Microsoft.Extensions.Options;
using Portal.Admin.Webhooks;
using Portal.Audit;
using Portal.Domain.Merchants;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Builders;

/// <summary>Webhook endpoints for the demo merchants, their page's actions as staff, and a receiver's own check of a delivery's signature.</summary>
public static class DemoWebhooks
{
    /// <summary>Registers an endpoint (all events unless given) and returns its id and its secret.</summary>
    public static async Task<(Guid Id, string Secret)> AddEndpointAsync(IServiceProvider services, Uri url,
        string merchant = DemoData.DemoShop, IEnumerable<string>? events = null)
    {
        var merchantId = await DemoCheckouts.MerchantIdAsync(services, merchant);
        var (secret, protectedSecret, hint) = services.GetRequiredService<WebhookSecrets>().Create();
        var endpoint = WebhookEndpoint.Create(merchantId, url.ToString(), null, events ?? WebhookEventTypes.All, allowHttp: true,
            protectedSecret, hint, "tests", services.GetRequiredService<TimeProvider>().GetUtcNow());
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return (endpoint.Id, secret);
    }

    /// <summary>The webhooks page's actions as a staff member of <paramref name="merchant"/> in <paramref name="role"/>.</summary>
    public static async Task<WebhookActions> ActionsOfAsync(IServiceProvider services, string merchant = DemoData.DemoShop,
        StaffRole role = StaffRole.Owner)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Merchant found;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            found = await db.Merchants.AsNoTracking().SingleAsync(m => m.Name == merchant);
        }
        return new WebhookActions(AdminDatabase.StaffOf(found, role), contexts, services.GetRequiredService<WebhookSecrets>(),
            services.GetRequiredService<WebhookSignal>(), services.GetRequiredService<IOptions<WebhookOptions>>(),
            services.GetRequiredService<IAuditLog>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<WebhookUrlCheck>(), services.GetRequiredService<WebhookRedeliveryLimit>());
    }

    public static async Task<List<WebhookDelivery>> DeliveriesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.WebhookDeliveries.AsNoTracking().ToListAsync();
    }

    public static async Task<List<WebhookEvent>> EventsAsync(IServiceProvider services, Guid objectId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.WebhookEvents.AsNoTracking().Where(e => e.ObjectId == objectId).ToListAsync();
    }

    /// <summary>
    /// The check a receiver does, written here independently of Portal's signer: HMAC-SHA256 of "t.body" with the
    /// secret, lowercase hex, compared in constant time (the timestamp's age is the caller's to judge).
    /// </summary>
    public static bool SignatureMatches(string secret, string header, string body, out DateTimeOffset signedAt)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        signedAt = default;
        var t = parts["t"].FirstOrDefault();
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
        return parts["v1"].Any(v => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(v)));
    }
}
