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
        await RecordStatusAsync(app.Services, contexts);
        await app.Services.GetRequiredService<Webhooks.LegacyWebhookKeyRing>().ImportAsync(app.Services);
        if (IsDemoEnabled(app))
        {
            await DemoData.SeedAsync(app.Services);
        }
    }

    // Readiness reads this. A start that got here reached its database; the schema is current unless migrations of this
    // build are pending (MigrateOnStartup off and no `migrate` run yet).
    private static async Task RecordStatusAsync(IServiceProvider services, IDbContextFactory<PortalDbContext> contexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
        services.GetRequiredService<DatabaseStatus>().Set(
            pending == 0 ? DatabaseState.Ready : DatabaseState.SchemaBehind,
            pending == 0
                ? "The database is reachable and its schema is current."
                : $"The database lacks {pending} migration(s) of this build; apply them before starting Portal, or set Database:MigrateOnStartup.");
    }

    public static bool IsDemoEnabled(WebApplication app) =>
        app.Environment.IsDevelopment() && app.Configuration.GetValue("Demo:Seed", true);
}
