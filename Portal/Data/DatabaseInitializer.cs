using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public static class DatabaseInitializer
{
    /// <summary>Applies the provider's migrations and, in Development (Demo:Seed, default true), seeds the demo.</summary>
    public static async Task InitializePortalDatabaseAsync(this WebApplication app)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup == true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }
        await app.Services.GetRequiredService<Webhooks.LegacyWebhookKeyRing>().ImportAsync(app.Services);
        if (IsDemoEnabled(app))
        {
            await DemoData.SeedAsync(app.Services);
        }
    }

    public static bool IsDemoEnabled(WebApplication app) =>
        app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true);
}
