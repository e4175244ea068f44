using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Bench;

/// <summary>
/// Where the bench's Portal and its reference loop keep their data. SQLite (the default): files in fresh temp folders.
/// PostgreSQL (<c>--provider postgres</c>): the server <c>--postgres</c> names, or else a throw-away cluster the bench
/// starts with PostgreSQL's durable defaults (fsync on, as a production server runs) and stops at the end; on either,
/// Portal and the reference loop get a database each, created fresh and dropped at the end.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;
    private readonly PostgresServer? _ownServer;
    private readonly List<string> _databases = [];
    private readonly List<string> _directories = [];

    private BenchDatabase(DatabaseProvider provider, string? server, PostgresServer? ownServer)
    {
        Provider = provider;
        _server = server;
        _ownServer = ownServer;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>For the bench's first line: which database, and where.</summary>
    public string Description => (Provider, _ownServer) switch
    {
        (DatabaseProvider.Sqlite, _) => "SQLite",
        (_, { } own) => $"PostgreSQL (a cluster of its own on 127.0.0.1:{own.Port}, fsync on)",
        _ => $"PostgreSQL ({new NpgsqlConnectionStringBuilder(_server).Host})",
    };

    public static async Task<BenchDatabase> StartAsync(DatabaseProvider provider, string? postgres)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new BenchDatabase(provider, null, null);
        }
        if (postgres is not null)
        {
            return new BenchDatabase(provider, postgres, null);
        }
        var own = await PostgresServer.StartAsync(durable: true);
        // Npgsql's default pool (100) rather than the tests' small one: the bench runs dozens of payments at once.
        var server = new NpgsqlConnectionStringBuilder(own.ConnectionString("postgres")) { MaxPoolSize = 100 }.ConnectionString;
        return new BenchDatabase(provider, server, own);
    }

    /// <summary>The settings that point a new Portal at a fresh database of its own (none for SQLite: its data folder).</summary>
    public async Task<IReadOnlyDictionary<string, string?>> PortalSettingsAsync() => Provider == DatabaseProvider.Sqlite
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
            ["ConnectionStrings:Portal"] = await CreateDatabaseAsync("portal_bench"),
        };

    /// <summary>A fresh, empty scratch database for the reference loop, on the same provider (and server) as Portal's.</summary>
    public async Task<ReferenceDatabase> ReferenceAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("portal-bench-ref-").FullName;
            _directories.Add(directory);
            return ReferenceDatabase.Sqlite(Path.Combine(directory, "reference.db"));
        }
        return ReferenceDatabase.Postgres(await CreateDatabaseAsync("reference_bench"));
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _databases)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Left to the OS's temp cleaning.
            }
        }
        if (_ownServer is not null)
        {
            await _ownServer.DisposeAsync();
        }
    }

    private async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_server) { Database = name }.ConnectionString;
    }

    // On the database the connection string names (or the server's default): where CREATE and DROP DATABASE may run.
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
