using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// WAL lets readers go on while one writer commits, and synchronous=NORMAL is durable across process crashes in WAL
/// mode (only an OS crash can lose the last commits): together they take a commit from milliseconds to microseconds.
/// </summary>
/// <remarks>
/// The connection is made here rather than by EF, because EF's SQLite provider registers a dozen functions of its own
/// (regexp, ef_add, ef_compare …) on every connection it makes, and Microsoft.Data.Sqlite registers each natively again
/// on every Open: a pooled DbContext gets a new connection per use and a rail callback opens it twice, so that was 15%
/// of the callback's allocations. EF uses those functions only to translate decimal arithmetic and Regex.IsMatch, and
/// Portal's model has neither (money is stored in minor units as integers); a query that needed one would fail with
/// "no such function" rather than give a wrong answer.
/// The pragmas hold for the native connection, which Microsoft.Data.Sqlite pools and hands out again on every Open:
/// they run once per native connection, not once per DbContext (a payment opens several).
/// </remarks>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData,
        InterceptionResult<DbConnection> result) =>
        InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(eventData.ConnectionString));

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    internal static void Configure(DbConnection connection)
    {
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            Configured.TryAdd(handle, handle);
        }
    }
}
