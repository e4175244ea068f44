using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Payments;
using Portal.Hosting;

namespace Portal.Data;

public static class DataExtensions
{
    /// <summary>
    /// Portal's database on the configured provider (<c>Database:Provider</c>): SQLite in the data folder by default,
    /// SQL Server or PostgreSQL from <c>ConnectionStrings:Portal</c>. Pages and the flow take a context per operation from
    /// the factory (Blazor circuits outlive requests). This is the only place that knows which provider it is.
    /// </summary>
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .PostConfigure(o => o.MigrateOnStartup ??= builder.Environment.IsDevelopment())
            .ValidateDataAnnotations().ValidateOnStart();
        var provider = builder.Configuration.GetDatabaseProvider();
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupRefusedException(
                $"Database:Provider is {provider} but ConnectionStrings:Portal is not set. Set it (for example the " +
                "environment variable ConnectionStrings__Portal) to the server's connection string.");
        }

        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                // Transient faults (a failover, a dropped connection) are retried by EF's execution strategy, here and on
                // PostgreSQL; a transaction of Portal's own runs inside it (as InvitationAcceptance does).
                AddContext<SqlServerPortalDbContext>(builder, options =>
                    options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                break;
            case DatabaseProvider.Postgres:
                AddContext<PostgresPortalDbContext>(builder, options =>
                    options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
                break;
            default:
                connectionString ??= $"Data Source={Path.Combine(builder.GetDataDirectory(), "portal.db")}";
                AddContext<SqlitePortalDbContext>(builder, options =>
                    options.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionInterceptor()));
                var sqlite = connectionString;
                builder.Services.AddSingleton(sp => new SqliteGroupCommit(sqlite, sp.GetRequiredService<ILogger<SqliteGroupCommit>>()));
                break;
        }

        builder.Services.TryAddSingleton<DatabaseStatus>();
        builder.Services.TryAddSingleton<InstanceIdentity>();
        builder.Services.AddOptions<WorkLeaseOptions>().BindConfiguration(WorkLeaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WorkLeases>();
        builder.Services.AddSingleton<DatabaseStartup>();
        builder.Services.AddHostedService<DatabaseStartupService>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        builder.Services.AddSingleton<IPaymentStoreFactory>(sp => new EfPaymentStoreFactory(
            sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetService<SqliteGroupCommit>(),
            sp.GetService<Webhooks.WebhookOutbox>()));
        return builder;
    }

    /// <summary>
    /// The first attempt to make the database ready (<see cref="DatabaseStartup"/>), before Portal listens: a reachable
    /// database is migrated (in Development), seeded and checked before the first request. Not ready is no failure:
    /// Portal listens, answers 503 and keeps trying (<see cref="DatabaseStartupService"/>). Portal must not serve at all
    /// when <see cref="DatabaseStartup.HasRefused"/> (demo rows in production; said in the log).
    /// </summary>
    public static async Task<DatabaseStartup> StartPortalDatabaseAsync(this WebApplication app)
    {
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        await startup.TryStartAsync(app.Lifetime.ApplicationStopping);
        return startup;
    }

    /// <summary>503 for every request but the probes while the database is not ready (<see cref="DatabaseGate"/>).</summary>
    public static IApplicationBuilder UseDatabaseGate(this IApplicationBuilder app) => app.UseMiddleware<DatabaseGate>();

    /// <summary>
    /// <c>Database:Provider</c>, read here rather than by the binder so that a misspelt name stops the start with a
    /// sentence instead of a conversion error.
    /// </summary>
    public static DatabaseProvider GetDatabaseProvider(this IConfiguration configuration)
    {
        var configured = configuration[DatabaseOptions.Section + ":" + nameof(DatabaseOptions.Provider)];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupRefusedException(
                $"Database:Provider is '{configured}', which Portal does not know. Use Sqlite, SqlServer or Postgres.");
    }

    /// <summary>The folder for SQLite files (Storage:DataDirectory, default "data" under the content root), created if missing.</summary>
    public static string GetDataDirectory(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration["Storage:DataDirectory"] ?? "data";
        var directory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static void AddContext<TContext>(IHostApplicationBuilder builder, Action<DbContextOptionsBuilder> configure)
        where TContext : PortalDbContext
    {
        builder.Services.AddPooledDbContextFactory<TContext>(options => configure(options.ConfigureWarnings(warnings => warnings
            // EF logs every failed statement as an error before it throws. Portal expects some (a twin's insert refused
            // by a unique index, a version token that lost a race, the history table of a database not migrated yet)
            // and logs the others where it handles them, or ASP.NET Core does as an unhandled exception: at Debug here.
            .Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug), (CoreEventId.OptimisticConcurrencyException, LogLevel.Debug))
            // The staff lists count "up to N" with Take(N + 1).Count(): which rows are counted does not matter, and an
            // ORDER BY would only make the database sort what it counts. Every page view would warn otherwise.
            .Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning))));
        builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<TContext>>();
    }
}
