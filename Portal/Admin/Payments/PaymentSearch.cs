using System.Linq.Expressions;
using System.Text;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// Turns a <see cref="PaymentFilter"/> into SQL over one merchant's payments. The list and the CSV export both start
/// here, so what a staff member sees is what they download. Every condition is one an index of the payments serves:
/// the search compares the columns stored for it (<see cref="Payment.MerchantReference"/>, <see cref="Payment.IdPrefix"/>),
/// never a value computed per row.
/// </summary>
/// <remarks>
/// A search or an amount range that matches many payments (<paramref name="dense"/>: more than the count's cap) is
/// written so that no index serves it: the database then reads the sort's own index and drops what does not match,
/// which finds a page in a few thousand rows, where seeking by the range and sorting its matches would read them all.
/// SQLite, which keeps no statistics unless asked, cannot tell the two apart by itself.
/// </remarks>
internal static class PaymentSearch
{
    public static IQueryable<Payment> Apply(IQueryable<Payment> payments, PaymentFilter filter, bool dense = false)
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
            var (currency, units) = (min.Currency.Code, min.MinorUnits);
            payments = dense
                ? payments.Where(p => p.CurrencyCode == currency && p.AmountMinorUnits + 0 >= units)
                : payments.Where(p => p.CurrencyCode == currency && p.AmountMinorUnits >= units);
        }
        if (filter.MaxAmount is { } max)
        {
            var (currency, units) = (max.Currency.Code, max.MinorUnits);
            payments = dense
                ? payments.Where(p => p.CurrencyCode == currency && p.AmountMinorUnits + 0 <= units)
                : payments.Where(p => p.CurrencyCode == currency && p.AmountMinorUnits <= units);
        }
        if (filter.Search is { Length: > 0 } search)
        {
            // Each way a search may match is its own index's; an OR of them would be planned as a scan, so their
            // matches are united instead (a payment found two ways once).
            var ways = Matching(search, dense);
            var filtered = payments;
            payments = ways.Skip(1).Aggregate(filtered.Where(ways[0]), (found, way) => found.Union(filtered.Where(way)));
        }
        return payments;
    }

    /// <summary>
    /// A whole id finds that payment, and a checkout's id that checkout's payments; an id's first block (eight hex digits,
    /// any case, and more of the id after it) finds the payments it starts; anything finds the references it starts,
    /// exactly as typed (case, <c>%</c>, <c>_</c> and <c>[</c> are themselves). One condition per way to match.
    /// </summary>
    public static IReadOnlyList<Expression<Func<Payment, bool>>> Matching(string search, bool dense = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(search);
        if (Guid.TryParse(search, out var id))
        {
            return [p => p.Id == id, p => p.CheckoutId == id, ReferenceStartingWith(search, opaque: false)];
        }
        if (IsIdStart(search))
        {
            var block = search[..Payment.IdPrefixLength].ToLowerInvariant();
            var start = search.ToUpperInvariant();
            // Past the first block, the rest of what was typed is checked on the few payments that share the block.
            return [p => p.IdPrefix == block && p.Id.ToString().ToUpper().StartsWith(start), ReferenceStartingWith(search, opaque: false)];
        }
        return [ReferenceStartingWith(search, dense)];
    }

    // "Starts with" as a range, [search, the next string of its length): one seek in an index over exact (binary)
    // comparison on every provider, where LIKE is a scan on SQLite and would need its wildcards escaped. Opaque, the
    // reference is first turned into an expression no index holds.
    private static Expression<Func<Payment, bool>> ReferenceStartingWith(string search, bool opaque)
    {
        var after = Successor(search);
        return (after, opaque) switch
        {
            (null, false) => p => p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0,
            (null, true) => p => p.MerchantReference != null && string.Compare(p.MerchantReference + "", search) >= 0,
            (_, false) => p => p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0 &&
                               string.Compare(p.MerchantReference, after) < 0,
            (_, true) => p => p.MerchantReference != null && string.Compare(p.MerchantReference + "", search) >= 0 &&
                              string.Compare(p.MerchantReference + "", after) < 0,
        };
    }

    /// <summary>
    /// Whether <paramref name="search"/> may be the start of an id as it is written (<c>0193a5f2-1b2c-…</c>) at least
    /// <see cref="Payment.IdPrefixLength"/> characters long: shorter starts of a version 7 id name weeks of payments,
    /// not one, and are read as the start of a reference only.
    /// </summary>
    public static bool IsIdStart(string search)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.Length is < Payment.IdPrefixLength or > 36)
        {
            return false;
        }
        for (var i = 0; i < search.Length; i++)
        {
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? search[i] != '-' : !char.IsAsciiHexDigit(search[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The least string that follows every string starting with <paramref name="text"/> in code-point order (the order of
    /// UTF-8 bytes, SQLite's and PostgreSQL's "C"): its last character counted up by one. Null when there is none (the
    /// text is all U+10FFFF).
    /// </summary>
    public static string? Successor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runes = text.EnumerateRunes().ToList();
        while (runes.Count > 0)
        {
            var last = runes[^1].Value;
            runes.RemoveAt(runes.Count - 1);
            if (last == 0x10FFFF)
            {
                continue;
            }
            // The surrogates are not characters: after U+D7FF comes U+E000.
            runes.Add(new Rune(last == 0xD7FF ? 0xE000 : last + 1));
            var builder = new StringBuilder(text.Length + 1);
            foreach (var rune in runes)
            {
                builder.Append(rune.ToString());
            }
            return builder.ToString();
        }
        return null;
    }
}
