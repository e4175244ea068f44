using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.SandboxBank;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.SandboxBank;

/// <summary>The migration that gives ledger entries their own posting time, on a bank file that already holds entries.</summary>
public sealed class LedgerEntryPostedAtMigrationTests : IDisposable
{
    private const string Before = "20261207134528_CrossBorderQuotes";

    private readonly string _folder = TestPaths.NewTempDirectory("bank-migrate");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TestPaths.TryDelete(_folder);
    }

    [Fact]
    public async Task Migrate_EntriesWrittenBefore_TakeTheirTransactionsPostingTime()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "bank.db") }.ToString();
        await using var db = new SandboxBankDbContext(new DbContextOptionsBuilder<SandboxBankDbContext>().UseSqlite(connectionString).Options);
        await db.GetService<IMigrator>().MigrateAsync(Before);
        var first = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero).AddTicks(1234);
        var second = first.AddDays(3);
        var (one, two) = (Guid.CreateVersion7(first), Guid.CreateVersion7(second));
        // As the bank wrote them before: instants as UTC ticks, ids as EF Core writes a Guid to SQLite.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LedgerTransactions" ("Id", "Reference", "PostedAt")
            VALUES ({one.ToString().ToUpperInvariant()}, 'first', {first.UtcTicks}), ({two.ToString().ToUpperInvariant()}, 'second', {second.UtcTicks})
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "LedgerEntries" ("TransactionId", "AccountNumber", "AmountMinorUnits", "CurrencyCode")
            VALUES ({one.ToString().ToUpperInvariant()}, 'BANK-FUNDING', -500, 'CNY'), ({one.ToString().ToUpperInvariant()}, '8800000000000001', 500, 'CNY'),
                   ({two.ToString().ToUpperInvariant()}, '8800000000000001', -200, 'CNY'), ({two.ToString().ToUpperInvariant()}, 'BANK-FUNDING', 200, 'CNY')
            """);

        await db.Database.MigrateAsync();

        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.TransactionId, e.PostedAt }).ToListAsync();
        Assert.Equal([(one, first), (one, first), (two, second), (two, second)], entries.Select(e => (e.TransactionId, e.PostedAt)));
    }
}
