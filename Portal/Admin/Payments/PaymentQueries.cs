using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// The payments of the signed-in staff member's merchant. Every query starts from <see cref="PaymentsOf"/>, so a
/// payment of another merchant reads exactly like one that does not exist.
/// </summary>
public sealed class PaymentQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff)
{
    public async Task<PaymentPage> ListAsync(PaymentListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payments = PaymentSearch.Apply(db, PaymentsOf(db, staff.MerchantId), staff.MerchantId, query.Filter);
        var total = await payments.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, PaymentListQuery.MaxPageSize);
        var page = await PaymentSearch.Sort(payments, query.SortBy, query.Descending)
            .Skip(Math.Max(0, query.PageIndex) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        // The page's references in one small query, rather than a join that every sort and count would carry.
        var checkoutIds = page.Select(p => p.CheckoutId).Distinct().ToArray();
        var references = await db.Checkouts.AsNoTracking()
            .Where(c => c.MerchantId == staff.MerchantId && checkoutIds.Contains(c.Id))
            .Select(c => new { c.Id, c.MerchantReference })
            .ToDictionaryAsync(c => c.Id, c => c.MerchantReference, cancellationToken);
        return new PaymentPage(page.Select(p => PaymentRow.From(p, references.GetValueOrDefault(p.CheckoutId))).ToArray(), total);
    }

    /// <summary>
    /// Every payment the filter admits, newest first, read as the caller consumes them: the export writes each row
    /// while the next is read, so memory stays flat however many there are.
    /// </summary>
    public async IAsyncEnumerable<PaymentExportRow> ExportAsync(PaymentFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var staff = await currentStaff.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payments = PaymentSearch.Sort(
            PaymentSearch.Apply(db, PaymentsOf(db, staff.MerchantId), staff.MerchantId, filter), PaymentSort.Time, descending: true);
        var rows =
            from p in payments
            join c in db.Checkouts.AsNoTracking().Where(c => c.MerchantId == staff.MerchantId) on p.CheckoutId equals c.Id
            select new PaymentExportRow(p.Id, p.MethodChosenAt, p.PayeeProcessedAt, p.Method, p.Status, p.AmountMinorUnits,
                p.CurrencyCode, p.PayerAccountMasked, c.MerchantReference, p.FailureCode, p.FailureMessage, p.PayerCurrencyCode,
                p.PayerAmountMinorUnits, p.PayerFeeMinorUnits, p.FxRate, p.QuoteId);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

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

    private static IQueryable<Payment> PaymentsOf(PortalDbContext db, Guid merchantId) =>
        db.Payments.AsNoTracking().Where(p => p.MerchantId == merchantId);
}
