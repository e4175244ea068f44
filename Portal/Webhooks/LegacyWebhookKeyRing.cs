using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.KeyRing;

namespace Portal.Webhooks;

/// <summary>
/// Earlier builds kept the webhook secrets' keys in a folder of their own (<c>&lt;data&gt;/keys/webhooks</c>, application
/// name <c>Portal.Webhooks</c>). Once, at the first start of a build with the key ring in the database, every secret that
/// ring protected is decrypted with it and protected again with the database's ring; then the folder is renamed
/// (<c>webhooks.imported</c>), so the import never runs twice and the old keys stay for a backup's sake.
/// </summary>
public sealed class LegacyWebhookKeyRing(string folder)
{
    private const string ApplicationName = "Portal.Webhooks";

    public async Task ImportAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.xml").Any())
        {
            return;
        }
        var logger = services.GetRequiredService<ILogger<LegacyWebhookKeyRing>>();
        var secrets = services.GetRequiredService<WebhookSecrets>();
        var legacy = DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName(ApplicationName))
            .CreateProtector(WebhookSecrets.Purpose);

        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            .CreateDbContextAsync(cancellationToken);
        var moved = 0;
        foreach (var endpoint in await db.WebhookEndpoints.ToListAsync(cancellationToken))
        {
            if (secrets.CanUnprotect(endpoint.ProtectedSecret))
            {
                continue;
            }
            try
            {
                endpoint.ReprotectSecret(secrets.Protect(legacy.Unprotect(endpoint.ProtectedSecret)).Protected);
                moved++;
            }
            catch (CryptographicException)
            {
                logger.WebhookSecretNotImported(endpoint.Id);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var imported = folder + ".imported";
        Directory.Move(folder, Directory.Exists(imported) ? $"{imported}-{DateTime.UtcNow:yyyyMMddHHmmss}" : imported);
        logger.WebhookSecretsImported(moved, folder);
    }
}
