using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Production;

namespace Portal.Data;

/// <summary>
/// Brings Portal's database to ready, one attempt at a time: reach it, migrate it (when <c>Database:MigrateOnStartup</c>)
/// or find it behind, then what needs the schema once (the legacy webhook key import, the demo seed in Development, the
/// demo-row check elsewhere). Each attempt leaves <see cref="DatabaseStatus"/> saying where it stands. The first runs
/// before Portal listens, so that a reachable database is ready before the first request (the development start, the
/// tests); <see cref="DatabaseStartupService"/> repeats it until it succeeds.
/// </summary>
public sealed class DatabaseStartup(
    IServiceProvider services,
    IDbContextFactory<PortalDbContext> contexts,
    DatabaseStatus status,
    IOptions<DatabaseOptions> options,
    IHostEnvironment environment,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<DatabaseStartup> logger)
{
    // Opening a connection is not retried by EF's execution strategy; a server that does not answer at all (a dropped
    // packet rather than a refusal) must not hold up the start longer than this.
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SchemaBehindLogInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset? _schemaBehindSaidAt;

    private DatabaseProvider Provider => options.Value.Provider;

    /// <summary>
    /// Demo rows were found outside Development: the sentences are logged (Critical) and Portal must stop with exit code 1.
    /// </summary>
    public bool HasRefused { get; private set; }

    /// <summary>
    /// One attempt; true when the database is ready. A database that cannot be used (unreachable, refused, behind) is
    /// said in <see cref="DatabaseStatus"/> and the log; anything else (a bug) is thrown.
    /// </summary>
    public async Task<bool> TryStartAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            if (!await ReachAsync(db, cancellationToken))
            {
                return false;
            }
            if (options.Value.MigrateOnStartup == true)
            {
                foreach (var migration in await DatabaseMigrations.ApplyAsync(db, cancellationToken))
                {
                    DatabaseLog.MigrationApplied(logger, migration, Provider);
                }
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                SayBehind($"Portal's {Provider} database is {pending.Count} migration(s) behind this build (next: {pending[0]}); " +
                          $"run `{DatabaseMigrations.Command}`.");
                return false;
            }
            if (!await PrepareAsync(cancellationToken))
            {
                return false;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested &&
                                   DatabaseProblem.Describe(ex, Provider, db.Database.GetConnectionString()) is { } reason)
        {
            SayUnreachable(reason);
            return false;
        }
        status.Set(DatabaseState.Ready, $"Portal's {Provider} database is reachable and its schema is current.");
        DatabaseLog.Ready(logger, Provider);
        return true;
    }

    // False when it cannot be reached, or when there is no database yet and nothing here may create it.
    private async Task<bool> ReachAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            // A file, not a server. Opening it would create it empty, and EF then takes an empty file for a database
            // (and fails to read it); what can go wrong with a file is said by the migration's error.
            return true;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReachTimeout);
        try
        {
            // The provider's own connection, not EF's: EF retries a refused connection for about a minute.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(timeout.Token);
            await connection.CloseAsync();
            status.Set(DatabaseState.Unknown, $"Portal reached its {Provider} database and is preparing it.");
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SayUnreachable($"Portal cannot use its {Provider} database: it did not answer within {ReachTimeout.TotalSeconds:0} s.");
            return false;
        }
        catch (Exception ex) when (DatabaseErrors.IsMissingDatabase(ex))
        {
            if (options.Value.MigrateOnStartup == true)
            {
                status.Set(DatabaseState.Unknown, $"Portal reached its {Provider} database server and is creating the database.");
                return true;
            }
            SayBehind($"Portal's {Provider} database does not exist yet; run `{DatabaseMigrations.Command}`, which creates it.");
            return false;
        }
    }

    // What needs the schema, once: false when the database holds what production must refuse.
    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<Webhooks.LegacyWebhookKeyRing>().ImportAsync(services, cancellationToken);
        if (DemoData.IsEnabled(environment, configuration))
        {
            await DemoData.SeedAsync(services, cancellationToken);
            return true;
        }
        if (environment.IsDevelopment())
        {
            return true;
        }
        var demoRows = await DemoRows.FindAsync(services, cancellationToken);
        foreach (var problem in demoRows)
        {
            DatabaseLog.Refused(logger, problem);
        }
        HasRefused = demoRows.Count > 0;
        return !HasRefused;
    }

    private void SayUnreachable(string reason)
    {
        status.Set(DatabaseState.Unreachable, reason);
        DatabaseLog.Unreachable(logger, reason);
    }

    // Critical, but once a minute: the same sentence every ten seconds would bury everything else in the log.
    private void SayBehind(string reason)
    {
        status.Set(DatabaseState.SchemaBehind, reason);
        var now = time.GetUtcNow();
        if (_schemaBehindSaidAt is null || now - _schemaBehindSaidAt >= SchemaBehindLogInterval)
        {
            _schemaBehindSaidAt = now;
            DatabaseLog.SchemaBehind(logger, reason);
        }
    }
}
