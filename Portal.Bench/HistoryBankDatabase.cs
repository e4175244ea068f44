using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.SandboxBank;

namespace Portal.Bench;

/// <summary>
/// Where the embedded sandbox bank keeps a history's side (its own SQLite file, as always), and whether a history found
/// there was grown with it. A kept history keeps its bank too: beside the SQLite file, or for a PostgreSQL database in
/// the temp folder under the database's name. A throw-away history leaves the bank in the app's throw-away folder.
/// </summary>
internal static class HistoryBankDatabase
{
    /// <summary>The bank's connection setting for a kept history; none when the history is thrown away.</summary>
    public static KeyValuePair<string, string?>? Setting(HistoryOptions options)
    {
        string? file = null;
        if (options.HistoryDb is { } history)
        {
            file = Path.ChangeExtension(history, ".bank" + Path.GetExtension(history));
        }
        else if (options.Connection is not null)
        {
            var postgres = new NpgsqlConnectionStringBuilder(options.Connection);
            file = Path.Combine(Path.GetTempPath(), $"portal-history-bank-{postgres.Host}-{postgres.Port}-{postgres.Database}.db");
        }
        return file is null
            ? null
            : new($"ConnectionStrings:{SandboxBankExtensions.ConnectionStringName}", new SqliteConnectionStringBuilder { DataSource = file }.ToString());
    }

    /// <summary>
    /// Whether the bank holds the orders of the history Portal holds: its newest order, at least. A history grown before
    /// the bench grew the bank's side, or whose bank file is gone, would reconcile against an empty statement.
    /// </summary>
    public static async Task<bool> HoldsHistoryAsync(IDbContextFactory<PortalDbContext> contexts,
        IDbContextFactory<SandboxBankDbContext> bankContexts)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var merchantId = await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
        var newest = await db.Payments.AsNoTracking()
            .Where(p => p.MerchantId == merchantId && p.OrderCreatedAt != null)
            .OrderByDescending(p => p.OrderCreatedAt)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync();
        await using var bank = await bankContexts.CreateDbContextAsync();
        return newest is { } id && await bank.Orders.AnyAsync(o => o.OrderId == id);
    }

    /// <summary>Statistics that see the history, as for Portal's database: the bank's planner then chooses as it would in production.</summary>
    public static async Task<TimeSpan> AnalyzeAsync(IDbContextFactory<SandboxBankDbContext> bankContexts)
    {
        var started = Stopwatch.GetTimestamp();
        await using var bank = await bankContexts.CreateDbContextAsync();
        bank.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await bank.Database.ExecuteSqlRawAsync("ANALYZE");
        return Stopwatch.GetElapsedTime(started);
    }
}
