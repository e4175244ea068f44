using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.KeyRing;
using Portal.Webhooks;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Portal's key ring read from outside the app, straight from its database, as another instance would: for tests that
/// write rows an app must be able to decrypt (a webhook endpoint's secret) while it runs in its own process.
/// </summary>
public static class PortalKeyRing
{
    public static WebhookSecrets WebhookSecrets(Func<PortalDbContext> openDatabase)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => openDatabase());
        KeyRingExtensions.AddPortalKeyRing(services, new ConfigurationBuilder().Build());
        // Not disposed: the protector outlives this method, and the provider holds nothing but the key ring's cache.
        var provider = services.BuildServiceProvider();
        return new WebhookSecrets(provider.GetRequiredService<IDataProtectionProvider>());
    }
}
