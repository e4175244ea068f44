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
internal static class PaymentSearch
{
    public static IQueryable<Payment> Apply(IQueryable<Payment> payments, PaymentFilter filter)
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
            payments = payments.Where(Matching(search));
        }
        return payments;
    }

    /// <summary>
    /// A whole id finds that payment, and a checkout's id that checkout's payments; an id's first block (eight hex digits,
    /// any case, and more of the id after it) finds the payments it starts; anything finds the references it starts,
    /// exactly as typed (case, <c>%</c>, <c>_</c> and <c>[</c> are themselves).
    /// </summary>
    public static Expression<Func<Payment, bool>> Matching(string search)
    {
        ArgumentException.ThrowIfNullOrEmpty(search);
        // "Starts with" as a range, [search, the next string of its length): one seek in an index over exact (binary)
        // comparison on every provider, where LIKE is a scan on SQLite and would need its wildcards escaped.
        var after = Successor(search);
        if (Guid.TryParse(search, out var id))
        {
            return after is null
                ? p => p.Id == id || p.CheckoutId == id || (p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0)
                : p => p.Id == id || p.CheckoutId == id ||
                       (p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0 && string.Compare(p.MerchantReference, after) < 0);
        }
        if (IsIdStart(search))
        {
            var block = search[..Payment.IdPrefixLength].ToLowerInvariant();
            var start = search.ToUpperInvariant();
            // Past the first block, the rest of what was typed is checked on the few payments that share the block.
            return after is null
                ? p => (p.IdPrefix == block && p.Id.ToString().ToUpper().StartsWith(start)) ||
                       (p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0)
                : p => (p.IdPrefix == block && p.Id.ToString().ToUpper().StartsWith(start)) ||
                       (p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0 && string.Compare(p.MerchantReference, after) < 0);
        }
        return after is null
            ? p => p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0
            : p => p.MerchantReference != null && string.Compare(p.MerchantReference, search) >= 0 && string.Compare(p.MerchantReference, after) < 0;
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
