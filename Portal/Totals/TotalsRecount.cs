using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Totals;

/// <summary>
/// The running totals against the rows they count: <see cref="RebuildAsync"/> replaces every total by a recount, and
/// <see cref="CheckAsync"/> lists where the totals and a recount differ. Both read one consistent state of the
/// database while payments go on: on PostgreSQL the rebuild holds writers of payments and refunds for its few
/// statements (a snapshot alone would let a payment committed meanwhile count twice, once in its delta and once in
/// the recount); on SQLite taking the group commit's writer for itself does the same.
/// </summary>
public sealed class TotalsRecount
{
    private readonly IDbContextFactory<PortalDbContext> _contexts;
    private readonly SqliteGroupCommit? _commits;

    internal TotalsRecount(IDbContextFactory<PortalDbContext> contexts, SqliteGroupCommit? commits = null)
    {
        _contexts = contexts;
        _commits = commits;
    }

    private static readonly TimeSpan RecountTimeout = TimeSpan.FromMinutes(30);

    /// <summary>For tests and tools that hold a factory but not the app's services.</summary>
    public static TotalsRecount For(IDbContextFactory<PortalDbContext> contexts) => new(contexts);

    /// <summary>Recounts every total from the payments and refunds in one transaction; the rows written per table.</summary>
    public async Task<(int PaymentDays, int SettlementDays)> RebuildAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        // A recount reads every payment: years of history take longer than a request's command timeout.
        db.Database.SetCommandTimeout(RecountTimeout);
        using var writing = await _commits.EnterAloneAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await BeginAsync(db, IsolationLevel.Serializable, ct);
            if (IsPostgres(db))
            {
                // SHARE blocks inserts and updates of payments and refunds until the commit, not reads.
                await db.Database.ExecuteSqlRawAsync(
                    """LOCK TABLE "Payments", "Refunds" IN SHARE MODE; LOCK TABLE "PaymentDayTotals", "SettlementDayTotals" IN EXCLUSIVE MODE""", ct);
            }
            await db.PaymentDayTotals.ExecuteDeleteAsync(ct);
            await db.SettlementDayTotals.ExecuteDeleteAsync(ct);
            var paymentDays = await db.Database.ExecuteSqlRawAsync(TotalsSql.FillPaymentDayTotals, ct);
            var settlementDays = await db.Database.ExecuteSqlRawAsync(TotalsSql.FillSettlementDayTotals, ct);
            await transaction.CommitAsync(ct);
            return (paymentDays, settlementDays);
        }, cancellationToken);
    }

    /// <summary>Every key whose total differs from a recount of the rows (none when they agree).</summary>
    public async Task<IReadOnlyList<TotalsDifference>> CheckAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.Database.SetCommandTimeout(RecountTimeout);
        using var writing = await _commits.EnterAloneAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => CompareAsync(db, ct), cancellationToken);
    }

    private static async Task<IReadOnlyList<TotalsDifference>> CompareAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(db, IsPostgres(db) ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable,
            cancellationToken);

        var keptDays = new Dictionary<PaymentDayKey, PaymentDaySums>();
        await foreach (var row in db.PaymentDayTotals.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            SumsOf(keptDays, PaymentDayKey.Of(row)).Add(row);
        }
        var countedDays = new Dictionary<PaymentDayKey, PaymentDaySums>();
        foreach (var row in await db.Database.SqlQueryRaw<PaymentDayRow>(TotalsSql.PaymentDayRecount).ToListAsync(cancellationToken))
        {
            var key = new PaymentDayKey(row.MerchantId, DateOnly.FromDayNumber(row.Day), Enum.Parse<PaymentMethod>(row.Method),
                row.CurrencyCode, Enum.Parse<PaymentStatus>(row.Status));
            countedDays[key] = new PaymentDaySums { Count = row.Count, Amount = row.AmountMinorUnits, CrossBorder = row.CrossBorderCount };
        }

        var keptSettlements = new Dictionary<SettlementDayKey, SettlementDaySums>();
        await foreach (var row in db.SettlementDayTotals.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            SumsOf(keptSettlements, SettlementDayKey.Of(row)).Add(row);
        }
        var countedSettlements = new Dictionary<SettlementDayKey, SettlementDaySums>();
        foreach (var row in await db.Database.SqlQueryRaw<SettlementDayRow>(TotalsSql.SettlementDayRecount).ToListAsync(cancellationToken))
        {
            countedSettlements[new SettlementDayKey(row.MerchantId, DateOnly.FromDayNumber(row.Day), row.CurrencyCode)] = new SettlementDaySums
            {
                PaymentCount = row.PaymentCount, Gross = row.GrossMinorUnits, FxPaymentCount = row.FxPaymentCount,
                FxVolume = row.FxVolumeMinorUnits, RefundCount = row.RefundCount, Refunds = row.RefundsMinorUnits,
            };
        }

        return [.. Compare("PaymentDayTotals", countedDays, keptDays, s => s.IsZero),
            .. Compare("SettlementDayTotals", countedSettlements, keptSettlements, s => s.IsZero)];
    }

    private static IEnumerable<TotalsDifference> Compare<TKey, TSums>(string table, Dictionary<TKey, TSums> counted,
        Dictionary<TKey, TSums> kept, Func<TSums, bool> isZero)
        where TKey : notnull
        where TSums : class, new()
    {
        // A key whose rows add up to nothing is the same as no row at all.
        foreach (var key in counted.Keys.Union(kept.Keys).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var recount = counted.GetValueOrDefault(key) ?? new TSums();
            var total = kept.GetValueOrDefault(key) ?? new TSums();
            if (!recount.Equals(total) && !(isZero(recount) && isZero(total)))
            {
                yield return new TotalsDifference(table, key.ToString()!, recount.ToString()!, total.ToString()!);
            }
        }
    }

    private static TSums SumsOf<TKey, TSums>(Dictionary<TKey, TSums> sums, TKey key)
        where TKey : notnull
        where TSums : new()
    {
        if (!sums.TryGetValue(key, out var found))
        {
            sums[key] = found = new TSums();
        }
        return found;
    }

    internal static bool IsPostgres(PortalDbContext db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    // SQLite has one writer and its transactions are serializable whatever is asked; the others honour the level.
    private static Task<IDbContextTransaction> BeginAsync(PortalDbContext db, IsolationLevel isolation, CancellationToken cancellationToken) =>
        db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true
            ? db.Database.BeginTransactionAsync(cancellationToken)
            : db.Database.BeginTransactionAsync(isolation, cancellationToken);

    // Shaped for SqlQueryRaw: settable properties named as the recount's columns.
    private sealed class PaymentDayRow
    {
        public Guid MerchantId { get; set; }

        public int Day { get; set; }

        public string Method { get; set; } = "";

        public string CurrencyCode { get; set; } = "";

        public string Status { get; set; } = "";

        public long Count { get; set; }

        public long AmountMinorUnits { get; set; }

        public long CrossBorderCount { get; set; }
    }

    private sealed class SettlementDayRow
    {
        public Guid MerchantId { get; set; }

        public int Day { get; set; }

        public string CurrencyCode { get; set; } = "";

        public long PaymentCount { get; set; }

        public long GrossMinorUnits { get; set; }

        public long FxPaymentCount { get; set; }

        public long FxVolumeMinorUnits { get; set; }

        public long RefundCount { get; set; }

        public long RefundsMinorUnits { get; set; }
    }
}
