using Microsoft.EntityFrameworkCore;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// The payments list's query as it was before keyset paging: a correlated search of the checkouts' references, ids
/// compared as text, a full sort. Slow on a large history, but plainly right, so the tests hold the new queries to it.
/// </summary>
internal static class LegacyPaymentQuery
{
    /// <summary>Every payment of the merchant the filter admits, in the list's order, with how many there are.</summary>
    public static async Task<List<Guid>> IdsAsync(PortalDbContext db, Guid merchantId, PaymentFilter filter, PaymentSort sortBy, bool descending)
    {
        var payments = Apply(db, db.Payments.AsNoTracking().Where(p => p.MerchantId == merchantId), merchantId, filter);
        return await Sort(payments, sortBy, descending).Select(p => p.Id).ToListAsync();
    }

    private static IQueryable<Payment> Apply(PortalDbContext db, IQueryable<Payment> payments, Guid merchantId, PaymentFilter filter)
    {
        if (filter.Status is { } status)
        {
            payments = payments.Where(p => p.Status == status);
        }
        else if (!filter.IncludeAbandoned)
        {
            payments = payments.Where(p => p.Status != PaymentStatus.Abandoned);
        }
        if (filter.Method is { } method)
        {
            payments = payments.Where(p => p.Method == method);
        }
        if (filter.FromInstant is { } from)
        {
            payments = payments.Where(p => p.MethodChosenAt >= from);
        }
        if (filter.ToInstantExclusive is { } to)
        {
            payments = payments.Where(p => p.MethodChosenAt < to);
        }
        if (filter.MinAmount is { } min)
        {
            var currency = min.Currency.Code;
            payments = payments.Where(p => p.CurrencyCode == currency && p.AmountMinorUnits >= min.MinorUnits);
        }
        if (filter.MaxAmount is { } max)
        {
            var currency = max.Currency.Code;
            payments = payments.Where(p => p.CurrencyCode == currency && p.AmountMinorUnits <= max.MinorUnits);
        }
        if (filter.Search is { Length: > 0 } search)
        {
            payments = WhereMatches(db, payments, merchantId, search);
        }
        return payments;
    }

    private static IOrderedQueryable<Payment> Sort(IQueryable<Payment> payments, PaymentSort sortBy, bool descending)
    {
        var sorted = (sortBy, descending) switch
        {
            (PaymentSort.Amount, false) => payments.OrderBy(p => p.AmountMinorUnits),
            (PaymentSort.Amount, true) => payments.OrderByDescending(p => p.AmountMinorUnits),
            (PaymentSort.Status, false) => payments.OrderBy(p => p.Status),
            (PaymentSort.Status, true) => payments.OrderByDescending(p => p.Status),
            (PaymentSort.Method, false) => payments.OrderBy(p => p.Method),
            (PaymentSort.Method, true) => payments.OrderByDescending(p => p.Method),
            (_, false) => payments.OrderBy(p => p.MethodChosenAt),
            _ => payments.OrderByDescending(p => p.MethodChosenAt),
        };
        return sortBy == PaymentSort.Time
            ? (descending ? sorted.ThenByDescending(p => p.Id) : sorted.ThenBy(p => p.Id))
            : sorted.ThenByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id);
    }

    private static IQueryable<Payment> WhereMatches(PortalDbContext db, IQueryable<Payment> payments, Guid merchantId, string search)
    {
        var referenced = db.Checkouts.Where(c => c.MerchantId == merchantId && c.MerchantReference != null &&
            c.MerchantReference.StartsWith(search) && c.MerchantReference.Substring(0, search.Length) == search);
        if (Guid.TryParse(search, out var id))
        {
            return payments.Where(p => p.Id == id || referenced.Any(c => c.Id == p.CheckoutId));
        }
        if (search.Length is >= 4 and <= 36 && search.All(c => char.IsAsciiHexDigit(c) || c == '-'))
        {
            var prefix = search.ToUpperInvariant();
            return payments.Where(p => p.Id.ToString().ToUpper().StartsWith(prefix) || referenced.Any(c => c.Id == p.CheckoutId));
        }
        return payments.Where(p => referenced.Any(c => c.Id == p.CheckoutId));
    }
}
