using Portal.Admin.Paging;
using Portal.Admin.Payments;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// The keyset-paged list and the stored-column search against the queries they replaced (<see cref="LegacyPaymentQuery"/>):
/// under each filter and each sort, walking every page forwards, and backwards from the last, gives the same payments in
/// the same order, with the same count.
/// </summary>
public abstract class PaymentGridOracleTests<TProvider>(PaymentGridHistory<TProvider> history) : IClassFixture<PaymentGridHistory<TProvider>>
    where TProvider : IProviderUnderTest
{
    private const int PageSize = 150;

    public static TheoryData<string> Filters =>
    [
        "none", "all-attempts", "failed", "abandoned", "fast", "succeeded-real-time", "two-days", "amounts", "amounts-one-day",
        "reference-start", "ties", "wildcards", "one-character", "id-block", "id-start-upper", "whole-id",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_EverySortForwards_SameRowsAndCountAsTheLegacyQuery(string name)
    {
        var filter = FilterNamed(name);
        foreach (var (sort, descending) in Sorts())
        {
            var expected = await ExpectedAsync(filter, sort, descending);
            var query = new PaymentListQuery(PageSize) { Filter = filter, SortBy = sort, Descending = descending };

            var (ids, count) = await WalkAsync(query, backward: false);

            Assert.True(expected.SequenceEqual(ids), $"{name} by {sort} {(descending ? "desc" : "asc")}: {ids.Count} rows, expected {expected.Count}");
            Assert.Equal(ListCount.Of(expected.Count), count);
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_EverySortBackwardsFromTheLast_SameRowsAsTheLegacyQuery(string name)
    {
        var filter = FilterNamed(name);
        foreach (var (sort, descending) in Sorts())
        {
            var expected = await ExpectedAsync(filter, sort, descending);
            var query = new PaymentListQuery(PageSize) { Filter = filter, SortBy = sort, Descending = descending, Backward = true };

            var (ids, _) = await WalkAsync(query, backward: true);

            Assert.True(expected.SequenceEqual(ids), $"{name} by {sort} {(descending ? "desc" : "asc")}: {ids.Count} rows, expected {expected.Count}");
        }
    }

    private static IEnumerable<(PaymentSort, bool)> Sorts() =>
        Enum.GetValues<PaymentSort>().SelectMany(sort => new[] { (sort, true), (sort, false) });

    private async Task<List<Guid>> ExpectedAsync(PaymentFilter filter, PaymentSort sort, bool descending)
    {
        await using var db = history.Database.CreateDbContext();
        return await LegacyPaymentQuery.IdsAsync(db, history.Database.Demo.Id, filter, sort, descending);
    }

    private async Task<(List<Guid> Ids, ListCount Count)> WalkAsync(PaymentListQuery query, bool backward)
    {
        var queries = new PaymentQueries(history.Database, AdminDatabase.StaffOf(history.Database.Demo));
        var pages = new List<IReadOnlyList<PaymentRow>>();
        var page = await queries.ListAsync(query);
        var count = page.Count;
        while (true)
        {
            pages.Add(page.Rows);
            if (!(backward ? page.HasPrevious : page.HasNext))
            {
                break;
            }
            Assert.True(pages.Count < 100, "The pages never end.");
            page = await queries.ListAsync(backward ? query.Before(page.Rows[0]) : query.After(page.Rows[^1]));
        }
        if (backward && pages.Count > 1)
        {
            pages.Reverse();
            // Reading back to the top shows the first page full, which may repeat rows of the page read before it.
            pages[1] = [.. pages[1].Where(r => !pages[0].Any(first => first.Id == r.Id))];
        }
        return ([.. pages.SelectMany(rows => rows).Select(r => r.Id)], count);
    }

    private PaymentFilter FilterNamed(string name)
    {
        var one = history.Demo[1_234];
        return name switch
        {
            "none" => PaymentFilter.None,
            "all-attempts" => PaymentFilter.None with { IncludeAbandoned = true },
            "failed" => PaymentFilter.None with { Status = PaymentStatus.Failed },
            "abandoned" => PaymentFilter.None with { Status = PaymentStatus.Abandoned },
            "fast" => PaymentFilter.None with { Method = PaymentMethod.Fast },
            "succeeded-real-time" => PaymentFilter.None with { Status = PaymentStatus.Succeeded, Method = PaymentMethod.RealTime },
            "two-days" => PaymentFilter.None with { From = new DateOnly(2026, 11, 3), To = new DateOnly(2026, 11, 4), IncludeAbandoned = true },
            "amounts" => PaymentFilter.None with { MinAmount = Money.Of(20.25m, "CNY"), MaxAmount = Money.Of(40.25m, "CNY") },
            "amounts-one-day" => PaymentFilter.None with
            {
                MinAmount = Money.Of(50m, "CNY"), From = new DateOnly(2026, 11, 5), To = new DateOnly(2026, 11, 5),
            },
            "reference-start" => PaymentFilter.None with { Search = "ORD-001" },
            "ties" => PaymentFilter.None with { Search = "TIE-", IncludeAbandoned = true },
            "wildcards" => PaymentFilter.None with { Search = "50%_[" },
            "one-character" => PaymentFilter.None with { Search = "O" },
            "id-block" => PaymentFilter.None with { Search = one.Id.ToString()[..8].ToLowerInvariant() },
            "id-start-upper" => PaymentFilter.None with { Search = one.Id.ToString()[..13].ToUpperInvariant() },
            "whole-id" => PaymentFilter.None with { Search = one.Id.ToString().ToUpperInvariant() },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}

public sealed class PaymentGridOracleOnSqliteTests(PaymentGridHistory<OnSqlite> history) : PaymentGridOracleTests<OnSqlite>(history);

public sealed class PaymentGridOracleOnPostgresTests(PaymentGridHistory<OnPostgres> history) : PaymentGridOracleTests<OnPostgres>(history);
