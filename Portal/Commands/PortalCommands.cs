using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Hosting;

namespace Portal.Commands;

/// <summary>
/// The deployment commands Portal.dll runs instead of the web app: each does its one job on the configured database,
/// says what it did and exits (0 done, 1 refused with a sentence on standard error). They skip production safety, which
/// guards serving; they still need the database's settings.
/// </summary>
public static class PortalCommands
{
    public const string Migrate = "migrate";
    public const string CreateOperator = "create-operator";
    public const string TotalsRebuild = "totals rebuild";
    public const string TotalsCheck = "totals check";

    // Each command's own options, and whether each takes a value.
    private static readonly Dictionary<string, Dictionary<string, bool>> Known = new(StringComparer.Ordinal)
    {
        [Migrate] = new(StringComparer.Ordinal),
        [CreateOperator] = new(StringComparer.Ordinal) { ["email"] = true, ["password-prompt"] = false },
        [TotalsRebuild] = new(StringComparer.Ordinal),
        [TotalsCheck] = new(StringComparer.Ordinal),
    };

    /// <summary>
    /// The command <paramref name="args"/> name (a first word that is neither an option nor a setting), or null: serve.
    /// </summary>
    public static PortalCommand? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].StartsWith('/') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return null;
        }
        // "totals" takes what to do with them as its second word.
        var name = args[0] == "totals" && args.Length > 1 ? $"totals {args[1]}" : args[0];
        if (!Known.TryGetValue(name, out var accepted))
        {
            throw new StartupRefusedException(
                $"'{name}' is not a Portal command; use {Migrate}, {CreateOperator} --email <address> [--password-prompt], " +
                $"{TotalsRebuild} or {TotalsCheck}.");
        }
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = name.Count(c => c == ' ') + 1; i < args.Length; i++)
        {
            var parts = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..].Split('=', 2) : null;
            if (parts is null || !accepted.TryGetValue(parts[0], out var takesValue))
            {
                host.Add(args[i]);
            }
            else if (!takesValue)
            {
                options[parts[0]] = null;
            }
            else
            {
                options[parts[0]] = parts.Length == 2 ? parts[1]
                    : i + 1 < args.Length ? args[++i]
                    : throw new StartupRefusedException($"--{parts[0]} needs a value.");
            }
        }
        return new PortalCommand(name, options, [.. host]);
    }

    /// <summary>Runs the command on the built (never started) app, and disposes it; the process's exit code.</summary>
    public static async Task<int> RunAsync(PortalCommand command, WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(app);
        await using (app)
        {
            try
            {
                return command.Name switch
                {
                    Migrate => await MigrateCommand.RunAsync(app.Services, Console.Out),
                    TotalsRebuild or TotalsCheck => await TotalsCommand.RunAsync(command, app.Services, Console.Out),
                    _ => await CreateOperatorCommand.RunAsync(command, app.Services, Console.Out),
                };
            }
            catch (DomainException refused)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: {refused.Message}");
                return 1;
            }
            catch (Exception ex) when (DatabaseProblem.Describe(ex, app.Configuration.GetDatabaseProvider(),
                                           app.Configuration.GetConnectionString("Portal")) is { } reason)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: {reason}");
                return 1;
            }
        }
    }

    /// <summary>Refuses to work on a database this build has not migrated: its tables may not be there.</summary>
    internal static async Task EnsureSchemaCurrentAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            throw new DomainException($"Portal's database is behind this build; run `{DatabaseMigrations.Command}` first.");
        }
    }
}
