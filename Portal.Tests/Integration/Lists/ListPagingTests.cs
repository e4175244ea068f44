using Microsoft.EntityFrameworkCore;
using Portal.Admin.Audit;
using Portal.Admin.Links;
using Portal.Admin.Paging;
using Portal.Admin.Refunds;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Lists;

/// <summary>
/// The refunds list, links list and audit log paged from keys give the same rows in the same order as the offset
/// queries they replaced (kept here as the oracle, run on the same database), forward and back, filters included; and
/// rows added between two pages neither repeat nor hide one.
/// </summary>
public abstract class ListPagingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Size = 7;
    private ListDatabase _database = default!;

    public static TheoryData<int> RefundFilters => [0, 1, 2, 3];

    public static TheoryData<int> AuditFilters => [0, 1, 2, 3, 4];

    public async Task InitializeAsync()
    {
        _database = await ListDatabase.CreateAsync(provider);
        await ListHistory.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [MemberData(nameof(RefundFilters))]
    public async Task Refunds_PagedForwardAndBack_MatchOffsetQuery(int filter)
    {
        var query = RefundFilter(filter);
        var expected = await OracleRefundPagesAsync(query);

        var pages = await WalkAsync(async request => (await Refunds().ListAsync(query with { Page = request, PageSize = Size })).Page);

        AssertSamePages(expected, pages, r => r.Id);
    }

    [Theory]
    [MemberData(nameof(AuditFilters))]
    public async Task Audit_PagedForwardAndBack_MatchOffsetQuery(int filter)
    {
        var query = AuditFilter(filter);
        var expected = await OracleAuditPagesAsync(query);

        var pages = await WalkAsync(async request => (await Audit().ListAsync(query with { Page = request, PageSize = Size })).Page);

        AssertSamePages(expected, pages, r => r.Id);
    }

    [Fact]
    public async Task Links_PagedForwardAndBack_MatchOffsetQuery()
    {
        var expected = await OracleLinkPagesAsync();

        var pages = await WalkAsync(async request => (await Links().ListAsync(request, Size)).Page);

        AssertSamePages(expected, pages, r => r.Id);
    }

    [Fact]
    public async Task Refunds_Count_IsExactBelowTheCap()
    {
        await using var db = _database.CreateDbContext();
        var expected = await db.Refunds.CountAsync(r => r.MerchantId == _database.Demo.Id && r.Status == RefundStatus.PendingApproval);

        var list = await Refunds().ListAsync(new RefundListQuery(Status: RefundStatus.PendingApproval));

        Assert.Equal(new ListCount(expected, false), list.Count);
    }

    [Fact]
    public async Task Refunds_InsertsBetweenPages_NeitherRepeatNorSkip()
    {
        var expected = (await OracleRefundPagesAsync(new RefundListQuery())).SelectMany(p => p).ToList();
        var seen = new List<Guid>();
        var page = (await Refunds().ListAsync(new RefundListQuery(PageSize: Size))).Page;
        var added = 0;
        while (true)
        {
            seen.AddRange(page.Rows.Select(r => r.Id));
            // A newer refund of the same instant as the page's last row, and one at the head, after every page.
            await AddRefundsAsync(page.Rows[^1].RequestedAt, added++);
            if (page.Older is not { } older)
            {
                break;
            }
            page = (await Refunds().ListAsync(new RefundListQuery(PageRequest.OlderThan(older), Size))).Page;
        }

        Assert.Equal(expected, seen.Where(expected.Contains).ToList());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Links_InsertsBetweenPages_NeitherRepeatNorSkip()
    {
        var expected = (await OracleLinkPagesAsync()).SelectMany(p => p).ToList();
        var seen = new List<Guid>();
        var page = (await Links().ListAsync(null, Size)).Page;
        var added = 0;
        while (true)
        {
            seen.AddRange(page.Rows.Select(r => r.Id));
            await new PaymentHistoryBuilder(_database.Demo).WithCount(2).StartingAt(TestClock.Now.AddDays(1).AddMinutes(added++), TimeSpan.Zero)
                .WithReferencePrefix($"NEW{added}-").SaveAsync(_database);
            if (page.Older is not { } older)
            {
                break;
            }
            page = (await Links().ListAsync(PageRequest.OlderThan(older), Size)).Page;
        }

        Assert.Equal(expected, seen.Where(expected.Contains).ToList());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Audit_InsertsBetweenPages_NeitherRepeatNorSkip()
    {
        var expected = (await OracleAuditPagesAsync(new AuditQuery())).SelectMany(p => p).ToList();
        var seen = new List<Guid>();
        var page = (await Audit().ListAsync(new AuditQuery(PageSize: Size))).Page;
        var added = 0;
        while (true)
        {
            seen.AddRange(page.Rows.Select(r => r.Id));
            await using (var db = _database.CreateDbContext())
            {
                db.AuditEntries.Add(ListHistory.EntryOf(_database.Demo.Id, added++, page.Rows[^1].At));
                db.AuditEntries.Add(ListHistory.EntryOf(_database.Demo.Id, added++, TestClock.Now.AddDays(1)));
                await db.SaveChangesAsync();
            }
            if (page.Older is not { } older)
            {
                break;
            }
            page = (await Audit().ListAsync(new AuditQuery(PageRequest.OlderThan(older), Size))).Page;
        }

        Assert.Equal(expected, seen.Where(expected.Contains).ToList());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Links_JumpToInstant_StartsWithNewestBeforeIt()
    {
        var before = ListHistory.Start.AddMinutes(30);
        await using var db = _database.CreateDbContext();
        var expected = await db.Checkouts.AsNoTracking()
            .Where(c => c.MerchantId == _database.Demo.Id && c.CreatedAt < before)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => c.Id)
            .Take(Size)
            .ToListAsync();

        var page = (await Links().ListAsync(PageRequest.Before(before), Size)).Page;

        Assert.Equal(expected, page.Rows.Select(r => r.Id).ToList());
        Assert.True(page.HasNewer);
        Assert.True(page.HasOlder);
    }

    [Fact]
    public async Task Links_NewerFromJump_ReachesTheRowsAfterIt()
    {
        var before = ListHistory.Start.AddMinutes(30);
        var jumped = (await Links().ListAsync(PageRequest.Before(before), Size)).Page;

        var newer = (await Links().ListAsync(PageRequest.NewerThan(jumped.Newer!.Value), Size)).Page;

        Assert.All(newer.Rows, r => Assert.True(r.CreatedAt >= jumped.Rows[0].CreatedAt));
        Assert.Empty(newer.Rows.Select(r => r.Id).Intersect(jumped.Rows.Select(r => r.Id)));
    }

    // Walks to the last page by Older, then back to the first by Newer: the pages of both walks, in reading order.
    private static async Task<(List<List<T>> Forward, List<List<T>> Back)> WalkAsync<T>(Func<PageRequest, Task<KeysetPage<T>>> load)
    {
        var forward = new List<List<T>>();
        var page = await load(PageRequest.Newest);
        forward.Add([.. page.Rows]);
        while (page.Older is { } older)
        {
            page = await load(PageRequest.OlderThan(older));
            forward.Add([.. page.Rows]);
        }
        var back = new List<List<T>> { forward[^1] };
        while (page.Newer is { } newer)
        {
            page = await load(PageRequest.NewerThan(newer));
            back.Insert(0, [.. page.Rows]);
        }
        return (forward, back);
    }

    private static void AssertSamePages<T>(List<List<Guid>> expected, (List<List<T>> Forward, List<List<T>> Back) pages, Func<T, Guid> idOf)
    {
        Assert.True(expected.Sum(p => p.Count) > Size, "The history must span more than one page.");
        Assert.Equal(expected, pages.Forward.Select(p => p.Select(idOf).ToList()).ToList());
        // Back from the last page the pages are full ones ending at each key, so the rows match, not the page breaks.
        Assert.Equal(expected.SelectMany(p => p).ToList(), pages.Back.SelectMany(p => p).Select(idOf).Distinct().ToList());
        Assert.Equal(expected[0], pages.Back[0].Select(idOf).ToList());
    }

    private RefundListQuery RefundFilter(int filter)
    {
        var day = DateOnly.FromDateTime(ListHistory.Start.AddHours(3).ToLocalTime().DateTime);
        return filter switch
        {
            1 => new RefundListQuery(Status: RefundStatus.PendingApproval),
            2 => new RefundListQuery(From: day, To: day),
            3 => new RefundListQuery(Status: RefundStatus.Processing, From: day, To: day.AddDays(1)),
            _ => new RefundListQuery(),
        };
    }

    private static AuditQuery AuditFilter(int filter)
    {
        var day = DateOnly.FromDateTime(ListHistory.Start.UtcDateTime);
        return filter switch
        {
            1 => new AuditQuery(Action: AuditActions.SignedIn),
            2 => new AuditQuery(ActorUserId: "user-b"),
            3 => new AuditQuery(From: day, To: day),
            4 => new AuditQuery(Action: AuditActions.LinkCreated, ActorUserId: "user-a", From: day, To: day),
            _ => new AuditQuery(),
        };
    }

    // Today's query before keys: the filters, then Skip and Take in the same order, a page at a time.
    private async Task<List<List<Guid>>> OracleRefundPagesAsync(RefundListQuery query)
    {
        await using var db = _database.CreateDbContext();
        var refunds = db.Refunds.AsNoTracking().Where(r => r.MerchantId == _database.Demo.Id);
        if (query.Status is { } status)
        {
            refunds = refunds.Where(r => r.Status == status);
        }
        if (query.Start is { } start)
        {
            refunds = refunds.Where(r => r.RequestedAt >= start);
        }
        if (query.End is { } end)
        {
            refunds = refunds.Where(r => r.RequestedAt < end);
        }
        return await OffsetPagesAsync(refunds.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Select(r => r.Id));
    }

    private async Task<List<List<Guid>>> OracleAuditPagesAsync(AuditQuery query)
    {
        await using var db = _database.CreateDbContext();
        var entries = db.AuditEntries.AsNoTracking().Where(e => e.MerchantId == _database.Demo.Id);
        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }
        if (!string.IsNullOrEmpty(query.ActorUserId))
        {
            entries = entries.Where(e => e.ActorUserId == query.ActorUserId);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1);
            entries = entries.Where(e => e.At < end);
        }
        return await OffsetPagesAsync(entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id));
    }

    private async Task<List<List<Guid>>> OracleLinkPagesAsync()
    {
        await using var db = _database.CreateDbContext();
        return await OffsetPagesAsync(db.Checkouts.AsNoTracking().Where(c => c.MerchantId == _database.Demo.Id)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id));
    }

    private static async Task<List<List<Guid>>> OffsetPagesAsync(IQueryable<Guid> ordered)
    {
        var pages = new List<List<Guid>>();
        for (var index = 0; ; index++)
        {
            var page = await ordered.Skip(index * Size).Take(Size).ToListAsync();
            if (page.Count == 0 && index > 0)
            {
                return pages;
            }
            pages.Add(page);
            if (page.Count < Size)
            {
                return pages;
            }
        }
    }

    private async Task AddRefundsAsync(DateTimeOffset at, int added)
    {
        var payments = await new PaymentHistoryBuilder(_database.Demo).WithCount(2).StartingAt(at.AddDays(-1), TimeSpan.Zero)
            .WithReferencePrefix($"R{added}-").SaveAsync(_database);
        await using var db = _database.CreateDbContext();
        db.Refunds.Add(ListHistory.RefundOf(_database.Demo, payments[0], added, at));
        db.Refunds.Add(ListHistory.RefundOf(_database.Demo, payments[1], added, TestClock.Now.AddDays(1).AddMinutes(added)));
        await db.SaveChangesAsync();
    }

    private RefundQueries Refunds() => new(_database, AdminDatabase.StaffOf(_database.Demo, StaffRole.Viewer));

    private LinkQueries Links() => new(_database, AdminDatabase.StaffOf(_database.Demo, StaffRole.Viewer), TimeProvider.System);

    private AuditQueries Audit() => new(_database, AdminDatabase.StaffOf(_database.Demo, StaffRole.Owner));
}

public sealed class ListPagingOnSqliteTests() : ListPagingTests(DatabaseProvider.Sqlite);

public sealed class ListPagingOnPostgresTests() : ListPagingTests(DatabaseProvider.Postgres);
