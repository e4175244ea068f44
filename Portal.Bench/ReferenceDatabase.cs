using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Bench;

/// <summary>
/// Where the reference loop commits: a scratch SQLite file with Portal's pragmas (WAL, synchronous=NORMAL,
/// busy_timeout), or a scratch database on the PostgreSQL server Portal runs on, so that the loop pays for the same
/// database as the payments it is compared with.
/// </summary>
internal sealed class ReferenceDatabase
{
    private const string SqlitePragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private readonly Func<Task<DbConnection>> _open;

    private ReferenceDatabase(string description, string schema, Func<Task<DbConnection>> open)
    {
        Description = description;
        Schema = schema;
        _open = open;
    }

    /// <summary>What one of its commits is, for the bench's printout.</summary>
    public string Description { get; }

    /// <summary>Three tables: orders, bank postings, results.</summary>
    public string Schema { get; }

    public static ReferenceDatabase Sqlite(string file) => new(
        "one-row SQLite commits (WAL, synchronous=NORMAL)",
        """
        CREATE TABLE orders (id TEXT PRIMARY KEY, amount INTEGER NOT NULL);
        CREATE TABLE postings (id INTEGER PRIMARY KEY, order_id TEXT NOT NULL, amount INTEGER NOT NULL);
        CREATE TABLE results (order_id TEXT PRIMARY KEY, status TEXT NOT NULL);
        """,
        async () =>
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
            await connection.OpenAsync();
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqlitePragmas;
            await pragmas.ExecuteNonQueryAsync();
            return connection;
        });

    public static ReferenceDatabase Postgres(string connectionString) => new(
        "one-row PostgreSQL commits (synchronous_commit on, as Portal's)",
        """
        CREATE TABLE orders (id text PRIMARY KEY, amount bigint NOT NULL);
        CREATE TABLE postings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id text NOT NULL, amount bigint NOT NULL);
        CREATE TABLE results (order_id text PRIMARY KEY, status text NOT NULL);
        """,
        async () =>
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return connection;
        });

    public Task<DbConnection> OpenAsync() => _open();
}
