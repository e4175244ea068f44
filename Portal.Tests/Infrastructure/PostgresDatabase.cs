using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A fresh database on the tests' shared PostgreSQL cluster, empty or migrated, dropped on dispose. The cluster is the
/// one test.sh started (<c>PORTAL_TEST_POSTGRES</c>, a connection string without a database); run outside test.sh, the
/// first test that needs one starts a throw-away cluster for the whole run and stops it when the run ends.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private static readonly Lazy<string> Cluster = new(FindOrStartCluster);
    private static readonly Lazy<string> MigratedTemplate = new(CreateMigratedTemplate);
    private static PostgresServer? _ownCluster;

    private PostgresDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(Cluster.Value) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that point Portal at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Portal"] = ConnectionString,
    };

    public static PostgresDatabase Create()
    {
        var database = new PostgresDatabase($"portal_{Guid.NewGuid():N}");
        Execute($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    /// <summary>
    /// A fresh database with Portal's migrations applied, as an app leaves it at its first start: a copy of a template
    /// migrated once per test run, since copying takes tens of milliseconds and migrating a few hundred.
    /// </summary>
    public static PostgresDatabase CreateMigrated()
    {
        var database = new PostgresDatabase($"portal_{Guid.NewGuid():N}");
        Execute($"CREATE DATABASE \"{database.Name}\" TEMPLATE \"{MigratedTemplate.Value}\"");
        return database;
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
        return ValueTask.CompletedTask;
    }

    private static void Execute(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Cluster.Value) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Migrated without a pool: PostgreSQL copies a template only while nobody is connected to it.
    private static string CreateMigratedTemplate()
    {
        var name = $"portal_template_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(Cluster.Value) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }
        if (_ownCluster is null)
        {
            // On a cluster of our own the template goes with the cluster; on test.sh's (or yours) it is dropped here.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        return name;
    }

    private static string FindOrStartCluster()
    {
        var configured = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        _ownCluster = PostgresServer.StartAsync(maxConnections: 1000).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _ownCluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        var builder = new NpgsqlConnectionStringBuilder(_ownCluster.ConnectionString("postgres"));
        builder.Remove("Database");
        return builder.ConnectionString;
    }
}
