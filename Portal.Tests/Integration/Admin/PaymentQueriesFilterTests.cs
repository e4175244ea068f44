using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>The payments list's filters, sorts and search, run as SQL on a migrated database.</summary>
public abstract class PaymentQueriesFilterTests(DatabaseProvider provider) : IAsyncLifetime
{
    // 40 Demo Shop payments, one an hour from 1 November 00:00 UTC, and 5 of Other Shop's with the same references.
    private static readonly DateTimeOffset First = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;
    private IReadOnlyList<Payment> _demo = [];
    private IReadOnlyList<Payment> _other = [];

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        _demo = await new PaymentHistoryBuilder(_database.Demo).WithCount(40).StartingAt(First, TimeSpan.FromHours(1))
            .WithReferencePrefix("ORD-").SaveAsync(_database);
        _other = await new PaymentHistoryBuilder(_database.Other).WithCount(5).StartingAt(First, TimeSpan.FromHours(1))
            .WithReferencePrefix("ORD-").SaveAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task List_NoFilter_ShowsOwnPaymentsNewestFirst()
    {
        var page = await ListAsync(PaymentFilter.None);

        Assert.Equal(40, page.Count.Value);
        Assert.Equal(_demo[^1].Id, page.Rows[0].Id);
        Assert.DoesNotContain(page.Rows, r => _other.Any(o => o.Id == r.Id));
    }

    [Fact]
    public async Task List_StatusFailed_ShowsOnlyFailed()
    {
        var page = await ListAsync(PaymentFilter.None with { Status = PaymentStatus.Failed });

        Assert.Equal(4, page.Count.Value);
        Assert.All(page.Rows, r => Assert.Equal(PaymentStatus.Failed, r.Status));
    }

    [Fact]
    public async Task List_MethodFast_ShowsOnlyFast()
    {
        var page = await ListAsync(PaymentFilter.None with { Method = PaymentMethod.Fast });

        Assert.Equal(Enumerable.Range(0, 40).Count(i => PaymentHistoryBuilder.MethodOf(i) == PaymentMethod.Fast), page.Count.Value);
        Assert.All(page.Rows, r => Assert.Equal(PaymentMethod.Fast, r.Method));
    }

    [Fact]
    public async Task List_OneUtcDay_ShowsThatDaysPayments()
    {
        var day = new DateOnly(2026, 11, 2);

        var page = await ListAsync(PaymentFilter.None with { From = day, To = day });

        Assert.Equal(16, page.Count.Value);
        Assert.All(page.Rows, r => Assert.Equal(day, DateOnly.FromDateTime(r.StartedAt.UtcDateTime)));
    }

    [Fact]
    public async Task List_AmountRange_IncludesBothEndsExactly()
    {
        // Amounts are 10.25 + index: 12.25 and 14.25 are the ends, both included.
        var page = await ListAsync(PaymentFilter.None with { MinAmount = Money.Of(12.25m, "CNY"), MaxAmount = Money.Of(14.25m, "CNY") });

        Assert.Equal(new[] { 1225L, 1325L, 1425L }, page.Rows.Select(r => r.Amount.MinorUnits).Order().ToArray());
    }

    [Fact]
    public async Task List_SearchWholeId_FindsThatPayment()
    {
        var page = await ListAsync(PaymentFilter.None with { Search = _demo[7].Id.ToString() });

        Assert.Equal(_demo[7].Id, Assert.Single(page.Rows).Id);
    }

    [Fact]
    public async Task List_SearchIdPrefixInLowerCase_FindsThatPayment()
    {
        var prefix = _demo[7].Id.ToString("N")[..8].ToLowerInvariant();

        var page = await ListAsync(PaymentFilter.None with { Search = _demo[7].Id.ToString()[..13].ToLowerInvariant() });

        Assert.Contains(page.Rows, r => r.Id == _demo[7].Id);
        Assert.All(page.Rows, r => Assert.StartsWith(prefix, r.Id.ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_SearchReferencePrefix_FindsOwnMatchesOnly()
    {
        var page = await ListAsync(PaymentFilter.None with { Search = "ORD-0000" });

        Assert.Equal(10, page.Count.Value);
        Assert.All(page.Rows, r => Assert.StartsWith("ORD-0000", r.Reference, StringComparison.Ordinal));
        Assert.DoesNotContain(page.Rows, r => _other.Any(o => o.Id == r.Id));
    }

    [Theory]
    [InlineData("ORD%")]
    [InlineData("ORD_0000")]
    [InlineData("ORD-0000%")]
    public async Task List_SearchWithLikeWildcards_MatchesThemLiterally(string search)
    {
        var page = await ListAsync(PaymentFilter.None with { Search = search });

        Assert.Equal(0, page.Count.Value);
    }

    [Fact]
    public async Task List_SearchReferenceInOtherCase_FindsNothing()
    {
        // Merchant references compare exactly, as the API's reference filter does: "ord-" is not "ORD-".
        var page = await ListAsync(PaymentFilter.None with { Search = "ord-0000" });

        Assert.Equal(0, page.Count.Value);
    }

    [Fact]
    public async Task List_OtherMerchantsPaymentId_FindsNothing()
    {
        var page = await ListAsync(PaymentFilter.None with { Search = _other[0].Id.ToString() });

        Assert.Equal(0, page.Count.Value);
    }

    [Fact]
    public async Task List_SortByAmountAscending_SecondPageContinuesTheOrder()
    {
        var query = new PaymentListQuery(10) { SortBy = PaymentSort.Amount, Descending = false };
        var first = await AdminQueries().ListAsync(query);

        var page = await AdminQueries().ListAsync(query.After(first.Rows[^1]));

        Assert.Equal(Enumerable.Range(10, 10).Select(i => 1025L + i * 100).ToArray(), page.Rows.Select(r => r.Amount.MinorUnits).ToArray());
    }

    [Fact]
    public async Task Export_StatusFilter_StreamsTheSameRowsAsTheList()
    {
        var filter = PaymentFilter.None with { Status = PaymentStatus.Succeeded };

        var exported = await AdminQueries().ExportAsync(filter).ToListAsync();

        Assert.Equal((await ListAsync(filter)).Count.Value, exported.Count);
        Assert.All(exported, r => Assert.StartsWith("ORD-", r.Reference, StringComparison.Ordinal));
        Assert.All(exported, r => Assert.Equal("6222 •••• 1234", r.PayerAccountMasked));
    }

    [Fact]
    public async Task List_PaymentsOfOneInstantSortedByTime_PagesNeitherRepeatNorSkip()
    {
        // Other Shop's, at one instant: only the ids order them, and the pages must agree on that order.
        var sameInstant = await new PaymentHistoryBuilder(_database.Other).WithCount(12).StartingAt(First, TimeSpan.Zero)
            .WithReferencePrefix("SAME-").SaveAsync(_database);
        var queries = new PaymentQueries(_database, AdminDatabase.StaffOf(_database.Other));
        var filter = PaymentFilter.None with { Search = "SAME-", IncludeAbandoned = true };

        var pages = new List<Guid>();
        var query = new PaymentListQuery(5) { Filter = filter };
        for (var page = 0; page < 3; page++)
        {
            var rows = (await queries.ListAsync(query)).Rows;
            pages.AddRange(rows.Select(r => r.Id));
            query = query.After(rows[^1]);
        }

        Assert.Equal(sameInstant.Select(p => p.Id).Order(), pages.Order());
    }

    private Task<PaymentPage> ListAsync(PaymentFilter filter) =>
        AdminQueries().ListAsync(new PaymentListQuery(100) { Filter = filter });

    private PaymentQueries AdminQueries() => new(_database, AdminDatabase.StaffOf(_database.Demo));
}

public sealed class PaymentQueriesFilterOnSqliteTests() : PaymentQueriesFilterTests(DatabaseProvider.Sqlite);

public sealed class PaymentQueriesFilterOnPostgresTests() : PaymentQueriesFilterTests(DatabaseProvider.Postgres);
