using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Totals;

/// <summary>
/// Folds the deltas every save writes into one row per key, so that the totals stay about one row per key and day
/// whatever the traffic. One round takes the oldest deltas, adds the folded row of each of their keys, deletes exactly
/// those rows by id and inserts their sums, in one transaction: a reader sums a key's rows and finds the same figure
/// before and after. A delta committed meanwhile is not among the ids and waits for the next round; rows that another
/// folder deleted first make the delete come up short, and the round rolls back.
/// </summary>
public sealed class TotalsCompaction
{
    private readonly IDbContextFactory<PortalDbContext> _contexts;
    private readonly IOptions<TotalsOptions> _options;
    private readonly SqliteGroupCommit? _commits;

    internal TotalsCompaction(IDbContextFactory<PortalDbContext> contexts, IOptions<TotalsOptions> options, SqliteGroupCommit? commits = null)
    {
        _contexts = contexts;
        _options = options;
        _commits = commits;
    }

    /// <summary>For tests and tools that hold a factory but not the app's services.</summary>
    public static TotalsCompaction For(IDbContextFactory<PortalDbContext> contexts, TotalsOptions? options = null) =>
        new(contexts, Options.Create(options ?? new TotalsOptions()));

    /// <summary>One round: folds up to <see cref="TotalsOptions.CompactionBatchSize"/> deltas of each table; how many it folded.</summary>
    public async Task<int> FoldAsync(CancellationToken cancellationToken = default)
    {
        var batch = _options.Value.CompactionBatchSize;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var writing = await _commits.EnterAloneAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var folded = await FoldPaymentDaysAsync(db, batch, ct) + await FoldSettlementDaysAsync(db, batch, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return folded;
        }, cancellationToken);
    }

    private static async Task<int> FoldPaymentDaysAsync(PortalDbContext db, int batch, CancellationToken cancellationToken)
    {
        var deltas = await db.PaymentDayTotals.AsNoTracking().Where(t => t.Kind == TotalRowKind.Delta).OrderBy(t => t.Id).Take(batch).ToListAsync(cancellationToken);
        if (deltas.Count == 0)
        {
            return 0;
        }
        var keys = deltas.Select(PaymentDayKey.Of).ToHashSet();
        var merchants = keys.Select(k => k.MerchantId).Distinct().ToList();
        var (first, last) = (keys.Min(k => k.Day), keys.Max(k => k.Day));
        var folded = (await db.PaymentDayTotals.AsNoTracking()
                .Where(t => t.Kind == TotalRowKind.Folded && merchants.Contains(t.MerchantId) && t.Day >= first && t.Day <= last)
                .ToListAsync(cancellationToken))
            .Where(t => keys.Contains(PaymentDayKey.Of(t)));
        var rows = deltas.Concat(folded).ToList();
        await DeleteExactlyAsync(db.PaymentDayTotals, rows.Select(r => r.Id).ToList(), cancellationToken);

        foreach (var key in rows.GroupBy(PaymentDayKey.Of))
        {
            var sums = new PaymentDaySums();
            foreach (var row in key)
            {
                sums.Add(row);
            }
            // A key whose payments all moved on (started, then succeeded) keeps no row.
            if (!sums.IsZero)
            {
                db.PaymentDayTotals.Add(new PaymentDayTotal
                {
                    MerchantId = key.Key.MerchantId, Day = key.Key.Day, Method = key.Key.Method, CurrencyCode = key.Key.CurrencyCode,
                    Status = key.Key.Status, Count = sums.Count, AmountMinorUnits = sums.Amount, CrossBorderCount = sums.CrossBorder,
                    Kind = TotalRowKind.Folded,
                });
            }
        }
        return deltas.Count;
    }

    private static async Task<int> FoldSettlementDaysAsync(PortalDbContext db, int batch, CancellationToken cancellationToken)
    {
        var deltas = await db.SettlementDayTotals.AsNoTracking().Where(t => t.Kind == TotalRowKind.Delta).OrderBy(t => t.Id).Take(batch).ToListAsync(cancellationToken);
        if (deltas.Count == 0)
        {
            return 0;
        }
        var keys = deltas.Select(SettlementDayKey.Of).ToHashSet();
        var merchants = keys.Select(k => k.MerchantId).Distinct().ToList();
        var (first, last) = (keys.Min(k => k.Day), keys.Max(k => k.Day));
        var folded = (await db.SettlementDayTotals.AsNoTracking()
                .Where(t => t.Kind == TotalRowKind.Folded && merchants.Contains(t.MerchantId) && t.Day >= first && t.Day <= last)
                .ToListAsync(cancellationToken))
            .Where(t => keys.Contains(SettlementDayKey.Of(t)));
        var rows = deltas.Concat(folded).ToList();
        await DeleteExactlyAsync(db.SettlementDayTotals, rows.Select(r => r.Id).ToList(), cancellationToken);

        foreach (var key in rows.GroupBy(SettlementDayKey.Of))
        {
            var sums = new SettlementDaySums();
            foreach (var row in key)
            {
                sums.Add(row);
            }
            if (!sums.IsZero)
            {
                db.SettlementDayTotals.Add(new SettlementDayTotal
                {
                    MerchantId = key.Key.MerchantId, Day = key.Key.Day, CurrencyCode = key.Key.CurrencyCode,
                    PaymentCount = sums.PaymentCount, GrossMinorUnits = sums.Gross, FxPaymentCount = sums.FxPaymentCount,
                    FxVolumeMinorUnits = sums.FxVolume, RefundCount = sums.RefundCount, RefundsMinorUnits = sums.Refunds,
                    Kind = TotalRowKind.Folded,
                });
            }
        }
        return deltas.Count;
    }

    private static async Task DeleteExactlyAsync<T>(DbSet<T> table, List<long> ids, CancellationToken cancellationToken)
        where T : class
    {
        var deleted = 0;
        // In chunks: a provider may cap how many values one statement carries.
        foreach (var chunk in ids.Chunk(1_000))
        {
            deleted += await table.Where(t => chunk.Contains(EF.Property<long>(t, "Id"))).ExecuteDeleteAsync(cancellationToken);
        }
        if (deleted != ids.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"Folding the running totals deleted {deleted} of {ids.Count} rows: another round folded some of them first.");
        }
    }
}
