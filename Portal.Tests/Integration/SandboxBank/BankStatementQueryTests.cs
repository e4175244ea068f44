using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Portal.SandboxBank;
using Portal.Tests.Integration.Lists;

namespace Portal.Tests.Integration.SandboxBank;

/// <summary>
/// The bank's statement of a range, read from its own database: which entries it holds and in what order, where it is
/// cut, and how SQLite runs its query (the bank runs on SQLite only). The SQL the bank really sent is explained.
/// </summary>
public sealed partial class BankStatementQueryTests(BankLedgerFixture ledger) : IClassFixture<BankLedgerFixture>
{
    [Fact]
    public async Task GetStatement_Range_HoldsTheAccountsEntriesFromItsStartUpToItsEndNewestFirst()
    {
        var day = ledger.NextFreeDay();
        var account = await ledger.OpenMerchantAsync(day.AddDays(-10), 1_000m);
        var other = await ledger.OpenMerchantAsync(day.AddDays(-10), 1_000m);
        DateTimeOffset[] inside = [day, day.AddHours(7), day.AddDays(1).AddTicks(-1)];
        await ledger.PayOutAsync(account, day.AddTicks(-1));
        await ledger.PayOutAsync(account, inside[0]);
        await ledger.PayOutAsync(other, day.AddHours(3));
        await ledger.PayOutAsync(account, inside[1]);
        await ledger.PayOutAsync(account, inside[2]);
        await ledger.PayOutAsync(account, day.AddDays(1));

        var statement = await ledger.Bank.GetStatementAsync(account, 100, day, day.AddDays(1));

        Assert.Equal(inside.OrderDescending(), statement!.Lines.Select(l => l.PostedAt));
        Assert.All(statement.Lines, l => Assert.Equal(-100, l.AmountMinorUnits));
        Assert.True(statement.IsComplete);
    }

    [Fact]
    public async Task GetStatement_MoreEntriesThanAllowed_KeepsTheNewestAndSaysItIsCut()
    {
        var day = ledger.NextFreeDay();
        var account = await ledger.OpenMerchantAsync(day.AddDays(-10), 1_000m);
        for (var hour = 1; hour <= 3; hour++)
        {
            await ledger.PayOutAsync(account, day.AddHours(hour));
        }

        var cut = await ledger.Bank.GetStatementAsync(account, 2, day, day.AddDays(1));
        var whole = await ledger.Bank.GetStatementAsync(account, 3, day, day.AddDays(1));

        Assert.Equal([day.AddHours(3), day.AddHours(2)], cut!.Lines.Select(l => l.PostedAt));
        Assert.False(cut.IsComplete);
        Assert.Equal(3, whole!.Lines.Count);
        Assert.True(whole.IsComplete);
    }

    [Fact]
    public async Task GetStatement_OneDay_SeeksTheAccountsDayInTheEntriesIndex()
    {
        var day = ledger.NextFreeDay();
        var account = await ledger.OpenMerchantAsync(day.AddDays(-30), 100_000m);
        var other = await ledger.OpenMerchantAsync(day.AddDays(-30), 100_000m);
        for (var i = 0; i < 200; i++)
        {
            await ledger.PayOutAsync(i % 4 == 0 ? other : account, day.AddDays(-20).AddHours(i * 3));
        }
        ledger.Recorded.Clear();

        await ledger.Bank.GetStatementAsync(account, SandboxBankEndpoints.MaxRangeEntries, day, day.AddDays(1));

        var statement = Assert.Single(ledger.Recorded.Commands, c => c.Text.Contains("\"LedgerEntries\"", StringComparison.Ordinal));
        var entries = EntriesAlias().Match(statement.Text).Groups[1].Value;
        var plan = await ExplainAsync(statement);
        var shown = $"{statement.Text}\n--\n{string.Join('\n', plan)}";
        Assert.True(plan.Any(line => line.StartsWith(
                $"SEARCH {entries} USING INDEX IX_LedgerEntries_AccountNumber_PostedAt_Id (AccountNumber=? AND PostedAt>? AND PostedAt<?)",
                StringComparison.Ordinal)),
            $"The statement does not seek the account's day in the entries' index:\n{shown}");
        // A scan reads a whole table or index; a temp B-tree sorts every entry found instead of reading them in order.
        Assert.False(plan.Any(line => line.StartsWith("SCAN", StringComparison.Ordinal) ||
                                      line.StartsWith("USE TEMP B-TREE", StringComparison.Ordinal)),
            $"The statement scans or sorts:\n{shown}");
    }

    private async Task<List<string>> ExplainAsync(RecordedCommand recorded)
    {
        await using var connection = new SqliteConnection(ledger.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + recorded.Text;
        foreach (var parameter in recorded.Parameters)
        {
            command.Parameters.AddWithValue(parameter.Name, parameter.Value ?? DBNull.Value);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }
        return lines;
    }

    [GeneratedRegex("\"LedgerEntries\" AS \"(\\w+)\"")]
    private static partial Regex EntriesAlias();
}
