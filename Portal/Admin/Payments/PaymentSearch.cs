using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// Turns a <see cref="PaymentFilter"/> and a sort into SQL over one merchant's payments. The list and the CSV export
/// both start here, so what a staff member sees is what they download.
/// </summary>
internal static class PaymentSearch
{
    public static IQueryable<Payment> Apply(PortalDbContext db, IQueryable<Payment> payments, Guid merchantId, PaymentFilter filter)
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
        // Amounts compare in minor units, and only within the currency they were typed in.
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

    public static IOrderedQueryable<Payment> Sort(IQueryable<Payment> payments, PaymentSort sortBy, bool descending)
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
        // Ties (same amount, same status) keep a stable order across pages: newest first, then by id.
        return sortBy == PaymentSort.Time
            ? (descending ? sorted.ThenByDescending(p => p.Id) : sorted.ThenBy(p => p.Id))
            : sorted.ThenByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id);
    }

    // A whole id matches that payment; a run of hex digits and dashes may also be an id's start; anything may be the
    // start of a merchant reference. Ids are stored upper-case on SQLite and read upper-case from SQL Server.
    private static IQueryable<Payment> WhereMatches(PortalDbContext db, IQueryable<Payment> payments, Guid merchantId, string search)
    {
        var referenced = db.Checkouts.Where(c => c.MerchantId == merchantId && c.MerchantReference != null &&
            // StartsWith is LIKE, which SQLite compares without case: the prefix itself is compared too, so that a
            // reference matches exactly on every provider, as the API's reference filter and the unique keys do.
            c.MerchantReference.StartsWith(search) && c.MerchantReference.Substring(0, search.Length) == search);
        if (Guid.TryParse(search, out var id))
        {
            return payments.Where(p => p.Id == id || referenced.Any(c => c.Id == p.CheckoutId));
        }
        if (IsIdPrefix(search))
        {
            var prefix = search.ToUpperInvariant();
            return payments.Where(p => p.Id.ToString().ToUpper().StartsWith(prefix) || referenced.Any(c => c.Id == p.CheckoutId));
        }
        return payments.Where(p => referenced.Any(c => c.Id == p.CheckoutId));
    }

    private static bool IsIdPrefix(string search) =>
        search.Length is >= 4 and <= 36 && search.All(c => char.IsAsciiHexDigit(c) || c == '-');
}
