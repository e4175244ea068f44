using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// Saves a <see cref="HistoryBuilder"/>'s batches as Portal's own EF model maps them (<see cref="HistoryTable"/>), each
/// batch one transaction. The next batch is walked through the domain on another core while this one is written.
/// </summary>
internal static class HistoryWriter
{
    public static async Task<HistoryCounts> WriteAsync(IDbContextFactory<PortalDbContext> contexts, HistoryBuilder builder, int count,
        TextWriter log)
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

        var counts = new HistoryCounts();
        var started = Stopwatch.GetTimestamp();
        var nextReport = count / 10;
        await foreach (var batch in batches.Reader.ReadAllAsync())
        {
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                // Parents first: a payment's checkout, a refund's payment.
                await checkouts.InsertAsync(connection, transaction, batch.Checkouts);
                await payments.InsertAsync(connection, transaction, batch.Payments);
                await refunds.InsertAsync(connection, transaction, batch.Refunds);
                await auditEntries.InsertAsync(connection, transaction, batch.AuditEntries);
                await transaction.CommitAsync();
            }
            counts.Add(batch);
            if (counts.Payments >= nextReport && counts.Payments < count)
            {
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                await log.WriteLineAsync(Invariant($"  {counts.Payments,9} payments in {seconds,6:F1} s ({counts.Payments / seconds:F0}/s)"));
                nextReport += count / 10;
            }
        }
        await producer;
        counts.Elapsed = Stopwatch.GetElapsedTime(started);
        return counts;
    }
}
