using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>Paging by cursor while payments keep arriving: each payment there was at the start is read exactly once.</summary>
public abstract class PaymentKeysetInsertTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset First = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private AdminDatabase _database = default!;
    private IReadOnlyList<Payment> _before = [];

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        _before = await new PaymentHistoryBuilder(_database.Demo).WithCount(300).StartingAt(First, TimeSpan.FromMinutes(5))
            .WithReferencePrefix("OLD-").SaveAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(PaymentSort.Time, true)]
    [InlineData(PaymentSort.Time, false)]
    [InlineData(PaymentSort.Amount, true)]
    [InlineData(PaymentSort.Amount, false)]
    [InlineData(PaymentSort.Status, false)]
    [InlineData(PaymentSort.Method, true)]
    public async Task List_PaymentsArriveBetweenPages_NoneSkippedNorRepeated(PaymentSort sort, bool descending)
    {
        var queries = new PaymentQueries(_database, AdminDatabase.StaffOf(_database.Demo));
        var query = new PaymentListQuery(40) { SortBy = sort, Descending = descending, Filter = PaymentFilter.None with { IncludeAbandoned = true } };
        var seen = new List<Guid>();
        var page = await queries.ListAsync(query);
        for (var round = 0; ; round++)
        {
            seen.AddRange(page.Rows.Select(r => r.Id));
            if (!page.HasNext)
            {
                break;
            }
            // Newer payments, of every amount and status, with ids and times on both sides of the cursor's.
            await new PaymentHistoryBuilder(_database.Demo).WithCount(13).StartingAt(First.AddDays(2).AddSeconds(round), TimeSpan.FromHours(-3))
                .WithReferencePrefix($"NEW{round:D2}-").SaveAsync(_database);
            page = await queries.ListAsync(query.After(page.Rows[^1]));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(_before.Select(p => p.Id).Except(seen));
    }
}

public sealed class PaymentKeysetInsertOnSqliteTests() : PaymentKeysetInsertTests(DatabaseProvider.Sqlite);

public sealed class PaymentKeysetInsertOnPostgresTests() : PaymentKeysetInsertTests(DatabaseProvider.Postgres);
