using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Admin.Paging;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The payments of the signed-in staff member's merchant. Every query starts from <see cref="PaymentsOf"/>, so a
/// payment of another merchant reads exactly like one that does not exist.
/// </summary>
public sealed class PaymentQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    /// <summary>
    /// How many payments the export's first pages read; after <see cref="ExportSmallPages"/> of them each page reads four
    /// times more, up to <see cref="ExportMaxPageSize"/>.
    /// </summary>
    public const int ExportPageSize = 1_000;

    /// <summary>
    /// The export's largest page: a page is one query and one round trip, and at a million payments pages of 1,000 held
    /// the export to about 80,000 rows/s where pages of 10,000 ran at 130,000; still a few megabytes of rows in memory.
    /// </summary>
    public const int ExportMaxPageSize = 16_000;

    /// <summary>
    /// Small pages first: Kestrel and the sockets take a page or two of CSV before a client that stopped reading holds the
    /// export up, so a client that looks at the first rows and hangs up costs a couple of small queries, not a large one.
    /// </summary>
    public const int ExportSmallPages = 4;

    public async Task<PaymentPage> ListAsync(PaymentListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var count = await CountAsync(db, staff.MerchantId, query.Filter, cancellationToken);
        if (count.Value == 0)
        {
            return PaymentPage.Empty;
        }
        var payments = PaymentSearch.Apply(PaymentsOf(db, staff.MerchantId), query.Filter, dense: count.IsMore);
        var size = Math.Clamp(query.PageSize, 1, PaymentListQuery.MaxPageSize);
        Task<List<Payment>> ReadAsync(PaymentCursor? cursor, bool backward, int take) => PaymentKeyset.ReadAsync(
            payments, query.Filter, query.SortBy, query.Descending, cursor, backward, take, cancellationToken);

        // One row more than the page tells whether there is a page beyond; one row the other way, whether there is one before.
        var rows = await ReadAsync(query.Cursor, query.Backward, size + 1);
        bool hasPrevious, hasNext;
        if (query.Backward)
        {
            if (query.Cursor is not null && rows.Count < size)
            {
                // Back at the top (rows arrived, or the list was entered at a date): the first page, full.
                return await ListAsync(query with { Cursor = null, Backward = false }, cancellationToken);
            }
            hasPrevious = rows.Count > size;
            rows = rows[^Math.Min(size, rows.Count)..];
            hasNext = query.Cursor is not null && rows.Count > 0 && (await ReadAsync(PaymentCursor.At(Row(rows[^1])), false, 1)).Count > 0;
        }
        else
        {
            hasNext = rows.Count > size;
            rows = rows[..Math.Min(size, rows.Count)];
            hasPrevious = query.Cursor is { } cursor &&
                (await ReadAsync(rows.Count > 0 ? PaymentCursor.At(Row(rows[0])) : cursor, true, 1)).Count > 0;
        }
        return new PaymentPage([.. rows.Select(Row)], count, hasPrevious, hasNext);
    }

    /// <summary>
    /// Every payment the filter admits, newest first, read a page at a time from a key as the caller consumes them: the
    /// export writes each row while the rest wait in the database, so memory holds one page however many there are, and
    /// a caller that stops (a client hanging up cancels the token) ends the reading within the page it is on.
    /// </summary>
    /// <remarks>
    /// Not one query read to its end: EF reads a whole result before handing out its first row when the context retries
    /// on failure (PostgreSQL and SQL Server here), and even streamed, a PostgreSQL reader closed early is first sent
    /// what the server had already queued. A page starts from its key, so the last page costs what the first does, and a
    /// page that fails on a dropped connection is read again by the retrying strategy like any other query.
    /// </remarks>
    public async IAsyncEnumerable<PaymentExportRow> ExportAsync(PaymentFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dense = (await CountAsync(db, staff.MerchantId, filter, cancellationToken)).IsMore;
        var payments = PaymentSearch.Apply(PaymentsOf(db, staff.MerchantId), filter, dense);
        var size = ExportPageSize;
        var pages = 0;
        var page = await ReadExportPageAsync(payments, null, size, cancellationToken);
        while (true)
        {
            // The next page is read on another thread while this one is written: reading and writing CSV each take
            // about half an export's time, and each has a core of its own. The context serves one page at a time.
            Task<List<PaymentExportRow>>? next = null;
            if (page.Count == size)
            {
                var after = new PaymentCursor(page[^1].StartedAt, page[^1].Id);
                if (++pages >= ExportSmallPages)
                {
                    size = Math.Min(size * 4, ExportMaxPageSize);
                }
                var nextSize = size;
                next = Task.Run(() => ReadExportPageAsync(payments, after, nextSize, cancellationToken), cancellationToken);
            }
            try
            {
                foreach (var row in page)
                {
                    yield return row;
                }
            }
            finally
            {
                // A caller that stopped (or failed) leaves a page being read: the context outlives it.
                if (next is not null)
                {
                    await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
            if (next is null)
            {
                yield break;
            }
            page = await next;
        }
    }

    private static Task<List<PaymentExportRow>> ReadExportPageAsync(IQueryable<Payment> payments, PaymentCursor? after, int size,
        CancellationToken cancellationToken) =>
        PaymentKeyset.ByTime(payments, ascending: false, after)
            .Take(size)
            .Select(p => new PaymentExportRow(p.Id, p.MethodChosenAt, p.PayeeProcessedAt, p.Method, p.Status, p.AmountMinorUnits,
                p.CurrencyCode, p.PayerAccountMasked, p.MerchantReference, p.FailureCode, p.FailureMessage, p.PayerCurrencyCode,
                p.PayerAmountMinorUnits, p.PayerFeeMinorUnits, p.FxRate, p.QuoteId))
            .ToListAsync(cancellationToken);

    /// <summary>The payment with its checkout, or null when it does not exist or belongs to another merchant.</summary>
    public async Task<PaymentDetail?> FindAsync(Guid paymentId, CancellationToken cancellationToken = default)
    {
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await PaymentsOf(db, staff.MerchantId)
            .Where(p => p.Id == paymentId)
            .Join(db.Checkouts.AsNoTracking().Where(c => c.MerchantId == staff.MerchantId),
                p => p.CheckoutId, c => c.Id, (p, c) => new { Payment = p, Checkout = c })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : PaymentDetail.From(found.Payment, found.Checkout);
    }

    // Counting to the cap reads at most that many index entries, and tells a narrow filter from a wide one.
    private static Task<ListCount> CountAsync(PortalDbContext db, Guid merchantId, PaymentFilter filter, CancellationToken cancellationToken) =>
        KeysetOrder<Payment>.CountAsync(PaymentSearch.Apply(PaymentsOf(db, merchantId), filter), cancellationToken);

    private static PaymentRow Row(Payment payment) => PaymentRow.From(payment, payment.MerchantReference);

    private static IQueryable<Payment> PaymentsOf(PortalDbContext db, Guid merchantId) =>
        db.Payments.AsNoTracking().Where(p => p.MerchantId == merchantId);
}
