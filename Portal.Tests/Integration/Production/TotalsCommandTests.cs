using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Production;

/// <summary>
/// `dotnet Portal.dll totals check` finds running totals that differ from a recount of the payments (here: lost, as if an
/// older build had written the payments) and says so with exit code 1; `totals rebuild` recounts them and the check agrees.
/// </summary>
public sealed class TotalsCommandTests : IAsyncLifetime
{
    private readonly ProductionPortal _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Rebuild_TotalsLost_CheckFindsThemThenAgrees()
    {
        var settings = ProductionPortal.Settings();
        await _portal.RunAsync(settings, "migrate");
        await using var database = PortalDatabase.Create(DatabaseProvider.Sqlite, _portal.DataDirectory);
        var merchant = Merchant.Create("Shop", "Shanghai", Currency.CNY, AccountNumber.Parse("8800000000000001"), TestClock.Now);
        await using (var db = database.CreateDbContext())
        {
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync();
        }
        await new PaymentHistoryBuilder(merchant).WithCount(30).SaveAsync(database);
        await using (var db = database.CreateDbContext())
        {
            await db.PaymentDayTotals.ExecuteDeleteAsync();
        }

        var (lostExit, lost) = await _portal.RunAsync(settings, "totals check");
        var (rebuildExit, rebuilt) = await _portal.RunAsync(settings, "totals rebuild");
        var (checkExit, checkedAgain) = await _portal.RunAsync(settings, "totals check");

        Assert.Equal(1, lostExit);
        Assert.Contains("differ from a recount", lost, StringComparison.Ordinal);
        Assert.Equal(0, rebuildExit);
        Assert.Contains("Rebuilt the running totals", rebuilt, StringComparison.Ordinal);
        Assert.Equal(0, checkExit);
        Assert.Contains("agree with a recount", checkedAgain, StringComparison.Ordinal);
    }
}
