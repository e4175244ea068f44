using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Audit;
using Portal.Data;
using Portal.SandboxBank;

namespace Portal.Commands;

/// <summary>
/// <c>dotnet Portal.dll migrate</c>: applies this build's migrations to Portal's database on the configured provider,
/// creating it when the server has none, and to the embedded sandbox bank's when the bank is on; prints each one.
/// The deployment step before a new build serves (outside Development, Portal does not migrate at start).
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var provider = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        IReadOnlyList<string> applied;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            applied = await DatabaseMigrations.ApplyAsync(db);
            await ReportAsync(output, $"Portal's {provider} database", applied);
        }
        if (applied.Count > 0)
        {
            // Written once the schema is there: the audit table may be one of the migrations just applied.
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OperatorAudit>().RecordCommandAsync(PortalCommands.Migrate,
                OperatorAuditActions.DatabaseMigrated, $"Applied {applied.Count} migration(s) to Portal's {provider} database, up to {applied[^1]}");
        }
        if (await services.MigrateSandboxBankAsync() is { } bank)
        {
            await ReportAsync(output, "The sandbox bank's database", bank);
        }
        return 0;
    }

    private static async Task ReportAsync(TextWriter output, string database, IReadOnlyList<string> applied)
    {
        if (applied.Count == 0)
        {
            await output.WriteLineAsync($"{database} is up to date; nothing to apply.");
            return;
        }
        await output.WriteLineAsync($"{database}: applied {applied.Count} migration(s).");
        foreach (var migration in applied)
        {
            await output.WriteLineAsync($"  {migration}");
        }
    }
}
