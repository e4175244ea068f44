using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin;
using Portal.Admin.Audit;
using Portal.Admin.Dashboard;
using Portal.Admin.Links;
using Portal.Admin.Payments;
using Portal.Admin.Refunds;
using Portal.Admin.Reports;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Data;
using Portal.Domain.Reports;
using Portal.SandboxBank;

namespace Portal.Bench;

/// <summary>
/// Every call the history bench makes to the admin pages' query services, and nothing else of theirs: each query as
/// its page asks it (first page, default page size, the signed-in Owner of <see cref="CurrentStaff"/>), answering how
/// many rows it returned. When those services change, this file is the one to follow them. Besides them, the bank's
/// own statement of the busiest day (the part of reconciliation the bank answers), asked of it in this process.
/// </summary>
internal sealed class HistoryQueries(IServiceProvider scope, HistorySample sample)
{
    public async Task<IReadOnlyList<HistoryQuery>> AllAsync()
    {
        var payments = scope.GetRequiredService<PaymentQueries>();
        var today = DateOnly.FromDateTime(sample.End.UtcDateTime);
        var id = sample.PaymentId.ToString();
        var queries = new List<HistoryQuery>
        {
            Grid("grid: first page, newest first", new PaymentListQuery()),
            Grid("grid: oldest first", new PaymentListQuery { Descending = false }),
        };
        foreach (var sort in new[] { PaymentSort.Amount, PaymentSort.Status, PaymentSort.Method })
        {
            queries.Add(Grid($"grid: by {sort.ToString().ToLowerInvariant()}", new PaymentListQuery { SortBy = sort }));
        }
        queries.Add(Grid("grid: succeeded, 100–500 CNY", new PaymentListQuery
        {
            Filter = new PaymentFilter
            {
                Status = PaymentStatus.Succeeded,
                MinAmount = Money.Of(100m, Currency.CNY),
                MaxAmount = Money.Of(500m, Currency.CNY),
            },
        }));
        queries.Add(Grid("grid: one day, 45 days back", new PaymentListQuery
        {
            Filter = new PaymentFilter { From = today.AddDays(-45), To = today.AddDays(-45) },
        }));
        // Reading backwards with no cursor is the list's end: the oldest payments, the page furthest from the newest.
        queries.Add(Grid("grid: last page", new PaymentListQuery { Backward = true }));

        queries.Add(Search("search: whole payment id", id));
        queries.Add(Search("search: payment id, upper case", id.ToUpperInvariant()));
        queries.Add(Search("search: payment id prefix (8)", id[..8]));
        queries.Add(Search("search: whole reference", sample.Reference));
        queries.Add(Search("search: reference prefix", sample.Reference[..^2]));
        queries.Add(Search("search: checkout id", sample.CheckoutId.ToString()));
        queries.Add(new("payment detail", HistoryGroup.Other, async ct =>
            await payments.FindAsync(sample.PaymentId, ct) is null ? 0 : 1));

        queries.Add(new("dashboard", HistoryGroup.Dashboard, async ct =>
            (await scope.GetRequiredService<DashboardQueries>().LoadAsync(ct)).Days.Count));
        queries.Add(Settlement("settlement report, 90 days", ReportPeriod.Create(today.AddDays(-89), today)));
        queries.Add(Settlement("settlement report, 366 days", ReportPeriod.Create(today.AddDays(-365), today)));
        var day = today.AddDays(-45);
        queries.Add(new("reconciliation, 1 day", HistoryGroup.Report, async ct =>
        {
            var report = await scope.GetRequiredService<ReconciliationReports>()
                .ReconcileAsync(await StaffAsync(), ReportPeriod.Create(day, day), ct);
            // Both sides were grown from the same orders: a difference is a bug in the bench or in the code.
            return report.Result.Differences.Count == 0
                ? report.Result.MatchedCount + report.Result.InFlightCount
                : throw new InvalidOperationException($"Reconciliation of {day:yyyy-MM-dd} lists {report.Result.Differences.Count} differences on a history without any:\n" +
                    string.Join('\n', report.Result.Differences.Take(20).Select(d => $"  {d.Kind} {d.Reference}: {d.Explanation}")));
        }));
        var (busiest, account) = await BusiestDayAsync();
        queries.Add(new("bank statement, 1 day", HistoryGroup.Report, async ct =>
        {
            var start = new DateTimeOffset(busiest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var statement = await scope.GetRequiredService<Bank>()
                .GetStatementAsync(account, SandboxBankEndpoints.MaxRangeEntries, start, start.AddDays(1), ct);
            return statement is { IsComplete: true }
                ? statement.Lines.Count
                : throw new InvalidOperationException($"The bank's statement of {busiest:yyyy-MM-dd} is missing or cut.");
        }));

        var refunds = scope.GetRequiredService<RefundQueries>();
        queries.Add(new("refunds list", HistoryGroup.Other, async ct => (await refunds.ListAsync(new RefundListQuery(), ct)).Rows.Count));
        queries.Add(new("approvals count", HistoryGroup.Other, async ct => await refunds.CountPendingApprovalAsync(ct)));
        queries.Add(new("links list", HistoryGroup.Other, async ct =>
            (await scope.GetRequiredService<LinkQueries>().ListAsync(cancellationToken: ct)).Rows.Count));
        queries.Add(new("audit log", HistoryGroup.Other, async ct =>
            (await scope.GetRequiredService<AuditQueries>().ListAsync(new AuditQuery(), ct)).Rows.Count));
        return queries;

        HistoryQuery Grid(string name, PaymentListQuery query) =>
            new(name, HistoryGroup.Grid, async ct => (await payments.ListAsync(query, ct)).Rows.Count);

        HistoryQuery Search(string name, string text) =>
            new(name, HistoryGroup.Search, async ct =>
                (await payments.ListAsync(new PaymentListQuery { Filter = new PaymentFilter { Search = text } }, ct)).Rows.Count);

        HistoryQuery Settlement(string name, ReportPeriod period) =>
            new(name, HistoryGroup.Settlement, async ct =>
                (await scope.GetRequiredService<SettlementReports>().BuildAsync(await StaffAsync(), period, ct)).Rows.Count);
    }

    /// <summary>Every payment as the CSV download writes it, into a sink that keeps nothing; answers the rows written.</summary>
    public Task<int> ExportAsync(Stream sink, CancellationToken cancellationToken) =>
        PaymentCsv.WriteAsync(sink, scope.GetRequiredService<PaymentQueries>().ExportAsync(PaymentFilter.None, cancellationToken),
            cancellationToken);

    private Task<Identity.StaffMember> StaffAsync() => scope.GetRequiredService<CurrentStaff>().GetAsync();

    // The day of the most payments, from the running totals, and the settlement account the bank books them on.
    private async Task<(DateOnly Day, string Account)> BusiestDayAsync()
    {
        var merchantId = (await StaffAsync()).MerchantId;
        await using var db = await scope.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var account = await db.Merchants.Where(m => m.Id == merchantId).Select(m => m.SettlementAccount).SingleAsync();
        var day = await db.PaymentDayTotals.Where(t => t.MerchantId == merchantId)
            .GroupBy(t => t.Day)
            .Select(g => new { Day = g.Key, Count = g.Sum(t => t.Count) })
            .OrderByDescending(d => d.Count).ThenBy(d => d.Day)
            .Select(d => d.Day)
            .FirstAsync();
        return (day, account);
    }
}
