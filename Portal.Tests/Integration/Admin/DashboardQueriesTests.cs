using Microsoft.Extensions.Time.Testing;
using Portal.Admin.Dashboard;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>The dashboard's figures, grouped in SQL on a migrated database, at a fixed instant.</summary>
public abstract class DashboardQueriesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TodayStart = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TenDaysAgo = TodayStart.AddDays(-10);
    private AdminDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await AdminDatabase.CreateAsync(provider);
        // Today: 20 payments (16 succeeded, 2 failed, 2 in flight); ten days ago: 10 (8, 1, 1); 40 days ago: 10, outside.
        // Every fourth of today's is cross-border: indices 0, 4, 8, 12, 16, of which 8 is in flight.
        await new PaymentHistoryBuilder(_database.Demo).WithCount(20).StartingAt(TodayStart, TimeSpan.FromMinutes(30)).CrossBorderEvery(4)
            .SaveAsync(_database);
        await new PaymentHistoryBuilder(_database.Demo).WithCount(10).StartingAt(TenDaysAgo, TimeSpan.FromMinutes(1)).SaveAsync(_database);
        await new PaymentHistoryBuilder(_database.Demo).WithCount(10).StartingAt(TodayStart.AddDays(-40), TimeSpan.FromMinutes(1)).SaveAsync(_database);
        await new PaymentHistoryBuilder(_database.Other).WithCount(7).StartingAt(TodayStart, TimeSpan.FromMinutes(1)).SaveAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Load_Today_CountsOwnPaymentsAndSuccessRate()
    {
        var today = (await LoadAsync()).Periods[0];

        Assert.Equal((20, 16, 2), (today.Count, today.Succeeded, today.Failed));
        Assert.Equal(16m / 18m, today.SuccessRate);
    }

    [Fact]
    public async Task Load_Today_CrossBorderShareOfSucceeded()
    {
        var today = (await LoadAsync()).Periods[0];

        Assert.Equal(4, today.CrossBorderSucceeded);
        Assert.Equal(4m / 16m, today.CrossBorderShare);
    }

    [Fact]
    public async Task Load_Today_VolumeIsTheExactSumOfSucceededAmounts()
    {
        var expected = Enumerable.Range(0, 20).Where(i => PaymentHistoryBuilder.StatusOf(i) == PaymentStatus.Succeeded)
            .Sum(i => PaymentHistoryBuilder.AmountOf(i));

        var today = (await LoadAsync()).Periods[0];

        Assert.Equal(Money.Of(expected, "CNY"), Assert.Single(today.Volume));
    }

    [Fact]
    public async Task Load_SevenAndThirtyDays_IncludeOnlyTheirDays()
    {
        var view = await LoadAsync();

        Assert.Equal(20, view.Periods[1].Count);
        Assert.Equal((30, 24, 3), (view.Periods[2].Count, view.Periods[2].Succeeded, view.Periods[2].Failed));
    }

    [Fact]
    public async Task Load_Days_AreThirtyUtcDaysEndingToday()
    {
        var days = (await LoadAsync()).Days;

        Assert.Equal(30, days.Count);
        Assert.Equal(new DayCount(new DateOnly(2026, 11, 25), 16, 2, 2), days[^1]);
        Assert.Equal(new DayCount(new DateOnly(2026, 11, 15), 8, 1, 1), days.Single(d => d.Day == new DateOnly(2026, 11, 15)));
        Assert.Equal(30 - 2, days.Count(d => d.Succeeded + d.Failed + d.InFlight == 0));
    }

    [Fact]
    public async Task Load_RealTimeSpeed_IsNearestRankMedianAndP95OfSucceededPayments()
    {
        var indices = Enumerable.Range(0, 20).Concat(Enumerable.Range(0, 10))
            .Where(i => PaymentHistoryBuilder.StatusOf(i) == PaymentStatus.Succeeded && PaymentHistoryBuilder.MethodOf(i) == PaymentMethod.RealTime)
            .ToArray();
        var durations = indices.Select(PaymentHistoryBuilder.DurationOf).Order().ToArray();
        var per100 = indices.Select(i => decimal.Round((decimal)PaymentHistoryBuilder.DurationOf(i).TotalMilliseconds / 1000m / PaymentHistoryBuilder.AmountOf(i) * 100m, 4))
            .Order().ToArray();

        var speed = (await LoadAsync()).Speeds.Single(s => s.Method == PaymentMethod.RealTime);

        Assert.Equal(indices.Length, speed.Count);
        Assert.Equal(durations[(int)Math.Ceiling(durations.Length * 0.5) - 1], speed.MedianDuration);
        Assert.Equal(durations[(int)Math.Ceiling(durations.Length * 0.95) - 1], speed.P95Duration);
        Assert.Equal(per100[(int)Math.Ceiling(per100.Length * 0.5) - 1], speed.MedianSecondsPer100);
    }

    [Fact]
    public async Task Load_MerchantWithoutPayments_ShowsZerosAndNoSpeeds()
    {
        await using var empty = await AdminDatabase.CreateAsync(provider);

        var view = await new DashboardQueries(empty, AdminDatabase.StaffOf(empty.Demo), new FakeTimeProvider(Now)).LoadAsync();

        Assert.All(view.Periods, p => Assert.Equal((0, (decimal?)null), (p.Count, p.SuccessRate)));
        Assert.Empty(view.Speeds);
    }

    private Task<DashboardView> LoadAsync() =>
        new DashboardQueries(_database, AdminDatabase.StaffOf(_database.Demo), new FakeTimeProvider(Now)).LoadAsync();
}

public sealed class DashboardQueriesOnSqliteTests() : DashboardQueriesTests(DatabaseProvider.Sqlite);

public sealed class DashboardQueriesOnPostgresTests() : DashboardQueriesTests(DatabaseProvider.Postgres);
