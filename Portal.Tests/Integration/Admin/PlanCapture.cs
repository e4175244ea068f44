using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Data;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// Contexts on a test database that ask the database, before each query runs, how it will run it: SQLite's
/// <c>EXPLAIN QUERY PLAN</c>, PostgreSQL's <c>EXPLAIN</c> with sequential scans priced out (so a scan shows only where no
/// index can serve). The queries are the app's own, with their parameters, as EF Core sends them.
/// </summary>
internal sealed partial class PlanCapture(DatabaseProvider provider, string connectionString) : DbCommandInterceptor, IDbContextFactory<PortalDbContext>
{
    private readonly List<QueryPlan> _plans = [];

    public IReadOnlyList<QueryPlan> Plans => _plans;

    public void Clear() => _plans.Clear();

    public PortalDbContext CreateDbContext() => provider switch
    {
        DatabaseProvider.Sqlite => new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite(connectionString).AddInterceptors(this).Options),
        _ => new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql(connectionString).AddInterceptors(this).Options),
    };

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Explain(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Explain(command);
        return ValueTask.FromResult(result);
    }

    private void Explain(DbCommand command)
    {
        if (!command.CommandText.Contains("\"Payments\"", StringComparison.Ordinal))
        {
            return;
        }
        if (provider == DatabaseProvider.Postgres)
        {
            using var off = command.Connection!.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            off.ExecuteNonQuery();
        }
        using var explain = command.Connection!.CreateCommand();
        explain.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        foreach (DbParameter parameter in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = parameter.ParameterName;
            copy.Value = parameter.Value;
            copy.DbType = parameter.DbType;
            explain.Parameters.Add(copy);
        }
        var lines = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                lines.Add(reader.GetString(provider == DatabaseProvider.Sqlite ? 3 : 0));
            }
        }
        var aliases = PaymentsAlias().Matches(command.CommandText).Select(m => m.Groups[1].Value).ToHashSet();
        _plans.Add(new QueryPlan(command.CommandText, lines, aliases));
    }

    [GeneratedRegex("\"Payments\" AS \"(\\w+)\"")]
    private static partial Regex PaymentsAlias();
}

/// <summary>A query the app ran and the plan the database chose for it.</summary>
internal sealed record QueryPlan(string Sql, IReadOnlyList<string> Lines, IReadOnlySet<string> PaymentsAliases)
{
    /// <summary>Lines that read every payment of the table rather than seek in an index.</summary>
    public IEnumerable<string> FullScans => Lines.Where(line =>
        line.Contains("Seq Scan on \"Payments\"", StringComparison.Ordinal) ||
        PaymentsAliases.Any(alias => line == $"SCAN {alias}" || line.StartsWith($"SCAN {alias} ", StringComparison.Ordinal)
            && !line.Contains("USING", StringComparison.Ordinal)));

    /// <summary>Lines that sort every matching payment (SQLite), where the order should come from an index.</summary>
    public IEnumerable<string> FullSorts => Lines.Where(line => line.StartsWith("USE TEMP B-TREE FOR", StringComparison.Ordinal));

    public override string ToString() => $"{Sql}\n  {string.Join("\n  ", Lines)}";
}
