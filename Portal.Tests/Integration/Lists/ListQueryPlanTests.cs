using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Admin.Audit;
using Portal.Admin.Links;
using Portal.Admin.Paging;
using Portal.Admin.Refunds;
using Portal.Admin.Reports;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Lists;

/// <summary>
/// Every query the refunds list, approvals, links list, audit log and reconciliation send is answered from an index:
/// the SQL they really sent is explained (SQLite's EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN after ANALYZE with
/// sequential scans and sorts priced out), and a full scan of the table, or a sort of every matching row, fails.
/// </summary>
public abstract partial class ListQueryPlanTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ListDatabase _database = default!;

    public static TheoryData<string> Queries =>
    [
        "refunds", "refunds-status", "refunds-range", "refunds-status-range", "refunds-older", "refunds-newer",
        "approvals", "approvals-count",
        "links", "links-older", "links-newer", "links-day",
        "audit", "audit-action", "audit-actor", "audit-range", "audit-older", "audit-actors",
        "reconciliation",
    ];

    public async Task InitializeAsync()
    {
        _database = await ListDatabase.CreateAsync(provider);
        await ListHistory.SeedAsync(_database);
        if (provider == DatabaseProvider.Postgres)
        {
            await using var db = _database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Query_OnHistory_ReadsAnIndexNotTheTable(string query)
    {
        var key = new PageKey(ListHistory.Start.AddHours(3).AddMinutes(5), Guid.CreateVersion7());
        var day = DateOnly.FromDateTime(ListHistory.Start.UtcDateTime);
        _database.Recorded.Clear();
        await (query switch
        {
            "refunds" => Refunds().ListAsync(new RefundListQuery()),
            "refunds-status" => Refunds().ListAsync(new RefundListQuery(Status: RefundStatus.PendingApproval)),
            "refunds-range" => Refunds().ListAsync(new RefundListQuery(From: day, To: day.AddDays(1))),
            "refunds-status-range" => Refunds().ListAsync(new RefundListQuery(Status: RefundStatus.Processing, From: day, To: day)),
            "refunds-older" => Refunds().ListAsync(new RefundListQuery(PageRequest.OlderThan(key))),
            "refunds-newer" => Refunds().ListAsync(new RefundListQuery(PageRequest.NewerThan(key with { At = ListHistory.Start }))),
            "approvals" => Refunds().PendingApprovalAsync(),
            "approvals-count" => Refunds().CountPendingApprovalAsync(),
            "links" => Links().ListAsync(),
            "links-older" => Links().ListAsync(PageRequest.OlderThan(key with { At = ListHistory.Start.AddMinutes(30) })),
            "links-newer" => Links().ListAsync(PageRequest.NewerThan(key with { At = ListHistory.Start })),
            "links-day" => Links().ListAsync(PageRequest.Before(ListHistory.Start.AddMinutes(30))),
            "audit" => Audit().ListAsync(new AuditQuery()),
            "audit-action" => Audit().ListAsync(new AuditQuery(Action: AuditActions.SignedIn)),
            "audit-actor" => Audit().ListAsync(new AuditQuery(ActorUserId: "user-b")),
            "audit-range" => Audit().ListAsync(new AuditQuery(From: day, To: day)),
            "audit-older" => Audit().ListAsync(new AuditQuery(PageRequest.OlderThan(key with { At = ListHistory.Start.AddMinutes(10) }))),
            "audit-actors" => Audit().ActorsAsync(),
            "reconciliation" => ReconcileDayAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        });
        var commands = _database.Recorded.Commands;
        Assert.NotEmpty(commands);

        foreach (var command in commands)
        {
            var plan = await ExplainAsync(command);
            Assert.False(IsFullScan(plan), $"{query} reads a whole table or sorts every row:\n{command.Text}\n--\n{plan}");
        }
    }

    private async Task ReconcileDayAsync()
    {
        await using var db = _database.CreateDbContext();
        await ReconciliationRecords.ReadAsync(db, _database.Demo.Id, ListHistory.Start.AddDays(-1), ListHistory.Start.AddDays(2));
    }

    private bool IsFullScan(string plan) => provider == DatabaseProvider.Postgres
        ? PostgresFullScan().IsMatch(plan)
        : SqliteFullScan().IsMatch(plan);

    // "SCAN Refunds" or "SCAN Refunds USING INDEX …" read the whole table or index; a temp B-tree for ORDER BY sorts
    // every matching row. Scanning a subquery's few rows ("SCAN (subquery-1)") is neither.
    [GeneratedRegex(@"(^|\n)\s*SCAN (Refunds|Checkouts|AuditEntries|Payments)\b|USE TEMP B-TREE FOR (RIGHT PART OF )?ORDER BY")]
    private static partial Regex SqliteFullScan();

    [GeneratedRegex(@"Seq Scan on ""?(Refunds|Checkouts|AuditEntries|Payments)\b|\bSort\b")]
    private static partial Regex PostgresFullScan();

    private async Task<string> ExplainAsync(RecordedCommand recorded)
    {
        await using var db = _database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (provider == DatabaseProvider.Postgres)
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = "SET enable_seqscan = off; SET enable_sort = off";
            await settings.ExecuteNonQueryAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = (provider == DatabaseProvider.Postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + recorded.Text;
        foreach (var parameter in recorded.Parameters)
        {
            var copy = command.CreateParameter();
            copy.ParameterName = parameter.Name;
            copy.Value = parameter.Value ?? DBNull.Value;
            copy.DbType = parameter.Type;
            command.Parameters.Add(copy);
        }
        var lines = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(provider == DatabaseProvider.Postgres ? reader.GetString(0) : reader.GetString(3));
        }
        return string.Join('\n', lines);
    }

    private RefundQueries Refunds() => new(_database, AdminDatabase.StaffOf(_database.Demo, StaffRole.Viewer));

    private LinkQueries Links() => new(_database, AdminDatabase.StaffOf(_database.Demo, StaffRole.Viewer), TimeProvider.System);

    private AuditQueries Audit() => new(_database, AdminDatabase.StaffOf(_database.Demo, StaffRole.Owner));
}

public sealed class ListQueryPlanOnSqliteTests() : ListQueryPlanTests(DatabaseProvider.Sqlite);

public sealed class ListQueryPlanOnPostgresTests() : ListQueryPlanTests(DatabaseProvider.Postgres);
