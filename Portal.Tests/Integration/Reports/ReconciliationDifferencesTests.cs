using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Reports;

/// <summary>Each kind of difference planted in the real books shows in the reconciliation CSV, and nothing else does.</summary>
public abstract class ReconciliationDifferencesTests<TProvider>(PlantedDifferencesFixture<TProvider> fixture)
    : IClassFixture<PlantedDifferencesFixture<TProvider>> where TProvider : IProviderUnderTest
{
    [Fact]
    public async Task Get_PortalAmountChanged_ListedAsAmountMismatch()
    {
        var line = Assert.Single(await LinesAboutAsync(fixture.AmountChanged));

        Assert.StartsWith($"AmountMismatch,{fixture.AmountChanged},Payment,Succeeded,13.34,12.34,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PortalStillProcessingBankSettled_ListedAsStatusMismatch()
    {
        var line = Assert.Single(await LinesAboutAsync(fixture.StillProcessing));

        Assert.StartsWith($"StatusMismatch,{fixture.StillProcessing},Payment,Processing,5.00,5.00,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PortalSucceededBankRefused_ListedAsMissingAtBank()
    {
        var line = Assert.Single(await LinesAboutAsync(fixture.NeverAtBank));

        Assert.StartsWith($"MissingAtBank,{fixture.NeverAtBank},Payment,Succeeded,9.99,,", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PayoutAtTheBank_ListedAsMissingInPortal()
    {
        var lines = await DifferencesAsync("owner@demo.test");

        var payout = Assert.Single(lines, l => l.Contains(",payout:", StringComparison.Ordinal));
        Assert.StartsWith("MissingInPortal,payout:", payout, StringComparison.Ordinal);
        Assert.Contains(",,,,-1.00,", payout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AgreeingPayment_NotListed()
    {
        Assert.Empty(await LinesAboutAsync(fixture.Agreed));
    }

    [Fact]
    public async Task Get_FourPlantedDifferences_NothingElse()
    {
        Assert.Equal(4, (await DifferencesAsync("viewer@demo.test")).Count);
    }

    [Fact]
    public async Task Get_OtherMerchantsDifference_OnlyTheirs()
    {
        var theirs = await DifferencesAsync("other@demo.test");
        var ours = await DifferencesAsync("owner@demo.test");

        Assert.StartsWith($"AmountMismatch,{fixture.OtherShopsDifference},", Assert.Single(theirs), StringComparison.Ordinal);
        Assert.DoesNotContain(ours, l => l.Contains(fixture.OtherShopsDifference.ToString(), StringComparison.Ordinal));
    }

    private async Task<List<string>> LinesAboutAsync(Guid orderId) =>
        (await DifferencesAsync("owner@demo.test")).Where(l => l.Contains(orderId.ToString(), StringComparison.Ordinal)).ToList();

    private async Task<List<string>> DifferencesAsync(string email)
    {
        using var client = await StaffHttpClient.SignInAsync(fixture.App, email);
        var body = await client.GetStringAsync($"admin/reports/reconciliation.csv?{Csv.AroundToday()}");
        var lines = Csv.Lines(body);
        Assert.Equal(Csv.ReconciliationHeader, lines[0]);
        return lines.Skip(1).ToList();
    }
}

public sealed class ReconciliationDifferencesOnSqliteTests(PlantedDifferencesFixture<OnSqlite> fixture)
    : ReconciliationDifferencesTests<OnSqlite>(fixture);

public sealed class ReconciliationDifferencesOnPostgresTests(PlantedDifferencesFixture<OnPostgres> fixture)
    : ReconciliationDifferencesTests<OnPostgres>(fixture);
