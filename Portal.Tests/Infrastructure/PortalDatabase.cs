using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Portal's database on a provider with no app around it in this process: a SQLite file, or a fresh database on the
/// tests' PostgreSQL cluster. Tests that run Portal as a process of its own point it here (<see cref="Settings"/>) and
/// read what it wrote with the provider's own context; query tests migrate it and write their rows. Deleted or dropped
/// on dispose.
/// </summary>
public sealed class PortalDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly string? _file;
    private readonly PostgresDatabase? _postgres;
    private readonly Func<PortalDbContext> _open;

    private PortalDatabase(DatabaseProvider provider, string connectionString, string? file, PostgresDatabase? postgres)
    {
        Provider = provider;
        _file = file;
        _postgres = postgres;
        Settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Portal"] = connectionString,
        };
        _open = provider switch
        {
            DatabaseProvider.Sqlite => () => new SqlitePortalDbContext(
                new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options),
            DatabaseProvider.Postgres => () => new PostgresPortalDbContext(
                new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options),
            _ => throw new NotSupportedException($"No test database on {provider}."),
        };
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The settings that point Portal at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>A process's <paramref name="settings"/> with this database's.</summary>
    public Dictionary<string, string> SettingsWith(IReadOnlyDictionary<string, string> settings) => new(settings.Concat(Settings));

    /// <summary>
    /// An empty database: on SQLite the file <c>portal.db</c> in <paramref name="directory"/> (where Portal looks by
    /// default), or in a folder of its own.
    /// </summary>
    public static PortalDatabase Create(DatabaseProvider provider, string? directory = null)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = PostgresDatabase.Create();
            return new PortalDatabase(provider, postgres.ConnectionString, null, postgres);
        }
        var file = directory is null
            ? Path.Combine(Path.GetTempPath(), $"portal-{Guid.NewGuid():N}.db")
            : Path.Combine(directory, "portal.db");
        return new PortalDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file }.ToString(), file, null);
    }

    /// <summary>An empty database with Portal's migrations applied, as the app leaves it at its first start.</summary>
    public static async Task<PortalDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var postgres = PostgresDatabase.CreateMigrated();
            return new PortalDatabase(provider, postgres.ConnectionString, null, postgres);
        }
        var database = Create(provider);
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>The provider's own context (<see cref="SqlitePortalDbContext"/>, <see cref="PostgresPortalDbContext"/>).</summary>
    public PortalDbContext CreateDbContext() => _open();

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }
}
