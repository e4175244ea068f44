using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using Portal.SandboxBank;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// Saves a <see cref="HistoryBuilder"/>'s batches as Portal's own EF model maps them (<see cref="HistoryTable"/>), each
/// batch one transaction, and the bank's rows of the same batch as the bank's model maps them, into the bank's own
/// database beside it. The next batch is walked through the domain on another core while this one is written.
/// </summary>
internal static class HistoryWriter
{
    public static async Task<HistoryCounts> WriteAsync(IDbContextFactory<PortalDbContext> contexts,
        IDbContextFactory<SandboxBankDbContext> bankContexts, HistoryBuilder builder, HistoryBank bank, int count, TextWriter log)
    {
        var batches = Channel.CreateBounded<HistoryBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in builder.Build(HistoryPlan.BatchSize))
                {
                    await batches.Writer.WriteAsync(batch);
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
                throw;
            }
        });

        await using var db = await contexts.CreateDbContextAsync();
        var checkouts = HistoryTable.Of<Checkout>(db);
        var payments = HistoryTable.Of<Payment>(db);
        var refunds = HistoryTable.Of<Refund>(db);
        var auditEntries = HistoryTable.Of<AuditEntry>(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();

        await using var bankDb = await bankContexts.CreateDbContextAsync();
        var bankQuotes = HistoryTable.Of<BankQuote>(bankDb);
        var bankOrders = HistoryTable.Of<BankOrder>(bankDb);
        var bankTransactions = HistoryTable.Of<BankLedgerTransaction>(bankDb);
        var bankEntries = HistoryTable.Of<BankLedgerEntry>(bankDb);
        var bankAccounts = HistoryTable.Of<BankAccount>(bankDb);
        var bankConnection = bankDb.Database.GetDbConnection();
        await bankDb.Database.OpenConnectionAsync();

        var counts = new HistoryCounts();
        var started = Stopwatch.GetTimestamp();
        var nextReport = count / 10;
        await foreach (var batch in batches.Reader.ReadAllAsync())
        {
            // Two databases, two connections: each written on its own core.
            await Task.WhenAll(Task.Run(WritePortalAsync), Task.Run(WriteBankAsync));
            counts.Add(batch);
            if (counts.Payments >= nextReport && counts.Payments < count)
            {
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                await log.WriteLineAsync(Invariant($"  {counts.Payments,9} payments in {seconds,6:F1} s ({counts.Payments / seconds:F0}/s)"));
                nextReport += count / 10;
            }

            async Task WritePortalAsync()
            {
                await using var transaction = await connection.BeginTransactionAsync();
                // Parents first: a payment's checkout, a refund's payment.
                await checkouts.InsertAsync(connection, transaction, batch.Checkouts);
                await payments.InsertAsync(connection, transaction, batch.Payments);
                await refunds.InsertAsync(connection, transaction, batch.Refunds);
                await auditEntries.InsertAsync(connection, transaction, batch.AuditEntries);
                await transaction.CommitAsync();
            }

            async Task WriteBankAsync()
            {
                await using var transaction = await bankConnection.BeginTransactionAsync();
                await bankQuotes.InsertAsync(bankConnection, transaction, batch.BankQuotes);
                await bankOrders.InsertAsync(bankConnection, transaction, batch.BankOrders);
                await bankTransactions.InsertAsync(bankConnection, transaction, batch.BankTransactions);
                await bankEntries.InsertAsync(bankConnection, transaction, batch.BankTransactions.SelectMany(t => t.Entries).ToList());
                await transaction.CommitAsync();
            }
        }
        await producer;

        // The payers exist before their first payment: opened the day before the history, with what they went on to spend.
        var (payers, openings, merchantNet) = bank.Payers(builder.Start.AddDays(-1));
        await using (var transaction = await bankConnection.BeginTransactionAsync())
        {
            await bankAccounts.InsertAsync(bankConnection, transaction, payers);
            await bankTransactions.InsertAsync(bankConnection, transaction, openings);
            await bankEntries.InsertAsync(bankConnection, transaction, openings.SelectMany(t => t.Entries).ToList());
            bankDb.Database.UseTransaction(transaction);
            await bankDb.Accounts.Where(a => a.Number == bank.MerchantAccount)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.BalanceMinorUnits, x => x.BalanceMinorUnits + merchantNet)
                    .SetProperty(x => x.Version, x => x.Version + 1));
            await transaction.CommitAsync();
        }
        counts.Elapsed = Stopwatch.GetElapsedTime(started);
        return counts;
    }
}
