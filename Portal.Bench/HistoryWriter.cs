using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// Saves a <see cref="HistoryBuilder"/>'s batches through Portal's own EF model (its configurations, converters and
/// provider), each batch one transaction without change tracking's per-row cost. The next batch is walked through the
/// domain on another core while this one is written.
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

        var counts = new HistoryCounts();
        var started = Stopwatch.GetTimestamp();
        var nextReport = count / 10;
        await foreach (var batch in batches.Reader.ReadAllAsync())
        {
            await using (var db = await contexts.CreateDbContextAsync())
            {
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                db.Checkouts.AddRange(batch.Checkouts);
                db.Payments.AddRange(batch.Payments);
                db.Refunds.AddRange(batch.Refunds);
                db.AuditEntries.AddRange(batch.AuditEntries);
                await db.SaveChangesAsync();
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
