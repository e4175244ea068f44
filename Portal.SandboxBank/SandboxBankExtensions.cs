using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.SandboxBank;

public static class SandboxBankExtensions
{
    public const string ConnectionStringName = "SandboxBank";

    /// <summary>The bank's SQLite file when <c>ConnectionStrings:SandboxBank</c> does not name one.</summary>
    public const string DefaultDatabaseFile = "sandbox-bank.db";

    /// <summary>
    /// The sandbox bank: its own SQLite database (<c>ConnectionStrings:SandboxBank</c>, by default
    /// <see cref="DefaultDatabaseFile"/> in <paramref name="dataDirectory"/>), options (section <c>SandboxBank</c>) and
    /// services. Map its endpoints with <see cref="SandboxBankEndpoints.MapSandboxBankEndpoints"/>. Whoever hosts the
    /// bank decides whether to call this at all: Portal only when it embeds the bank, the bank's own host always.
    /// </summary>
    public static IHostApplicationBuilder AddSandboxBank(this IHostApplicationBuilder builder, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var services = builder.Services;

        services.AddOptions<SandboxBankOptions>()
            .BindConfiguration(SandboxBankOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<FxOptions>()
            .BindConfiguration(FxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var connectionString = ResolveConnectionString(
            builder.Configuration.GetConnectionString(ConnectionStringName)
                ?? $"Data Source={Path.Combine(dataDirectory, DefaultDatabaseFile)}",
            builder.Environment.ContentRootPath);
        services.AddSingleton<SqlitePragmas>();
        // Pooled: an order takes three or four short-lived contexts, and building each one anew showed in the profile.
        services.AddPooledDbContextFactory<SandboxBankDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetRequiredService<SqlitePragmas>()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BankWriteGate>();
        services.AddSingleton<PinVerifier>();
        services.AddSingleton<ReplayGuard>();
        services.AddSingleton<BankRequestAuthenticator>();
        services.AddSingleton<FastSettlementQueue>();
        services.AddSingleton<Bank>();
        services.AddSingleton<FxDesk>();
        services.AddHttpClient(FastSettlement.CallbackClient, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.AddHostedService<FastSettlement>();
        services.AddSingleton<SandboxBankSeeder>();
        return builder;
    }

    /// <summary>
    /// Applies the bank's migrations, opens its published test payers (<c>SandboxBank:SeedTestAccounts</c>) and, with the
    /// demo, the demo merchants' settlement accounts. The bank stands for an outside system with a SQLite file of its
    /// own, so it migrates itself whatever its host's own database settings say. Nothing when the bank is not added.
    /// </summary>
    public static async Task InitializeSandboxBankAsync(this IServiceProvider services, bool seedDemo,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<SandboxBankSeeder>() is not { } seeder)
        {
            return;
        }
        await seeder.MigrateAsync(cancellationToken);
        if (seedDemo || services.GetRequiredService<IOptions<SandboxBankOptions>>().Value.SeedTestAccounts)
        {
            await seeder.SeedTestPayersAsync(cancellationToken);
        }
        if (seedDemo)
        {
            await seeder.SeedDemoMerchantsAsync(cancellationToken);
        }
    }

    /// <summary>Applies the bank's pending migrations; those applied, oldest first, or null when the bank is not added here.</summary>
    public static async Task<IReadOnlyList<string>?> MigrateSandboxBankAsync(this IServiceProvider services,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<SandboxBankSeeder>() is { } seeder ? await seeder.MigrateAsync(cancellationToken) : null;
    }

    // A relative file is taken from the content root, not the working directory, and its folder is created, so the
    // bank finds the same file however the app is started.
    private static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory ||
            dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }
        var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        return builder.ToString();
    }
}
