using Microsoft.EntityFrameworkCore;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// The payments list's and search's queries, as the app runs them, each planned by the database: none may read the
/// whole payments table, and with no search nor amounts to narrow it, none may sort every matching payment either
/// (the index gives the order, so a page costs the same at a million payments as at a hundred).
/// </summary>
public abstract class PaymentGridPlanTests<TProvider>(PaymentGridHistory<TProvider> history) : IClassFixture<PaymentGridHistory<TProvider>>
    where TProvider : IProviderUnderTest
{
    public static TheoryData<string> Filters =>
    [
        "none", "all-attempts", "failed", "fast", "two-days", "amounts", "reference-start", "id-block", "id-start", "whole-id", "wildcards",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_EverySortAndPage_UsesAnIndex(string name)
    {
        var (filter, ordered) = FilterNamed(name);
        var plans = await PlansOfAsync(filter);

        Assert.NotEmpty(plans);
        Assert.All(plans, plan => Assert.True(!plan.FullScans.Any(), $"A full scan of the payments:\n{plan}"));
        if (ordered)
        {
            Assert.All(plans, plan => Assert.True(!plan.FullSorts.Any(), $"A sort of every matching payment:\n{plan}"));
        }
    }

    [Fact]
    public async Task Export_Filtered_UsesAnIndex()
    {
        var capture = await CaptureAsync();
        var queries = new PaymentQueries(capture, AdminDatabase.StaffOf(history.Database.Demo));

        await foreach (var _ in queries.ExportAsync(PaymentFilter.None with { Status = PaymentStatus.Failed }))
        {
        }

        // The capped count that tells a narrow filter from a wide one, then the rows.
        Assert.Equal(2, capture.Plans.Count);
        Assert.All(capture.Plans, plan => Assert.True(!plan.FullScans.Any() && !plan.FullSorts.Any(), plan.ToString()));
    }

    private async Task<IReadOnlyList<QueryPlan>> PlansOfAsync(PaymentFilter filter)
    {
        var capture = await CaptureAsync();
        var queries = new PaymentQueries(capture, AdminDatabase.StaffOf(history.Database.Demo));
        foreach (var sort in Enum.GetValues<PaymentSort>())
        {
            foreach (var descending in new[] { true, false })
            {
                // The first page, the next, the one before that, and the last: every shape of keyset read.
                var query = new PaymentListQuery(20) { Filter = filter, SortBy = sort, Descending = descending };
                var first = await queries.ListAsync(query);
                if (first.Rows.Count > 0)
                {
                    var next = await queries.ListAsync(query.After(first.Rows[^1]));
                    if (next.Rows.Count > 0)
                    {
                        await queries.ListAsync(query.Before(next.Rows[0]));
                    }
                }
                await queries.ListAsync(query with { Backward = true });
            }
        }
        return capture.Plans;
    }

    private async Task<PlanCapture> CaptureAsync()
    {
        var capture = new PlanCapture(TProvider.Provider, history.Database.Settings["ConnectionStrings:Portal"]);
        if (TProvider.Provider == DatabaseProvider.Postgres)
        {
            // Statistics as a real database has them: PostgreSQL's autovacuum gathers them, the tests do not wait for it.
            await using var db = history.Database.CreateDbContext();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        return capture;
    }

    // Whether the filter leaves the order to an index alone: a search or an amount range narrows by another one, and the
    // few payments it finds are sorted.
    private (PaymentFilter Filter, bool Ordered) FilterNamed(string name)
    {
        var one = history.Demo[777];
        return name switch
        {
            "none" => (PaymentFilter.None, true),
            "all-attempts" => (PaymentFilter.None with { IncludeAbandoned = true }, true),
            "failed" => (PaymentFilter.None with { Status = PaymentStatus.Failed }, true),
            "fast" => (PaymentFilter.None with { Method = PaymentMethod.Fast }, true),
            "two-days" => (PaymentFilter.None with { From = new DateOnly(2026, 11, 3), To = new DateOnly(2026, 11, 4) }, false),
            "amounts" => (PaymentFilter.None with { MinAmount = Money.Of(20.25m, "CNY"), MaxAmount = Money.Of(21.25m, "CNY") }, false),
            "reference-start" => (PaymentFilter.None with { Search = "ORD-0012" }, false),
            "id-block" => (PaymentFilter.None with { Search = one.Id.ToString()[..8] }, false),
            "id-start" => (PaymentFilter.None with { Search = one.Id.ToString()[..20].ToUpperInvariant() }, false),
            "whole-id" => (PaymentFilter.None with { Search = one.Id.ToString() }, false),
            "wildcards" => (PaymentFilter.None with { Search = "%" }, false),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}

public sealed class PaymentGridPlanOnSqliteTests(PaymentGridHistory<OnSqlite> history) : PaymentGridPlanTests<OnSqlite>(history);

public sealed class PaymentGridPlanOnPostgresTests(PaymentGridHistory<OnPostgres> history) : PaymentGridPlanTests<OnPostgres>(history);
