using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Payments;

namespace Portal.Admin.Payments;

/// <summary>
/// Reads the payments list a page at a time from a <see cref="PaymentCursor"/>, never by offset: each sort is the key
/// (value, time the method was chosen, id), which an index of the payments holds in that order, so a page deep in a
/// million payments costs what the first one does. Ties on a value go newest first in either direction. A status or a
/// method has a handful of values, so those sorts read value after value, each from the (merchant, value, time, id)
/// index that also serves the status and method filters.
/// </summary>
internal static class PaymentKeyset
{
    /// <summary>Up to <paramref name="take"/> payments strictly after (or before) the cursor, in the list's order.</summary>
    public static async Task<List<Payment>> ReadAsync(IQueryable<Payment> payments, PaymentFilter filter, PaymentSort sort,
        bool descending, PaymentCursor? cursor, bool backward, int take, CancellationToken cancellationToken)
    {
        // Reading backwards is reading forwards in the opposite order, then turning the rows round.
        var ascending = descending == backward;
        var rows = sort switch
        {
            PaymentSort.Amount => await ByAmount(payments, ascending, backward, cursor).Take(take).ToListAsync(cancellationToken),
            PaymentSort.Status => await ByValueAsync(payments, StatusesOf(filter), p => p.Status, c => c.Status,
                ascending, backward, cursor, take, cancellationToken),
            PaymentSort.Method => await ByValueAsync(payments, MethodsOf(filter), p => p.Method, c => c.Method,
                ascending, backward, cursor, take, cancellationToken),
            _ => await ByTime(payments, ascending, cursor).Take(take).ToListAsync(cancellationToken),
        };
        if (backward)
        {
            rows.Reverse();
        }
        return rows;
    }

    /// <summary>Every payment by time, newest or oldest first, from the cursor on.</summary>
    public static IQueryable<Payment> ByTime(IQueryable<Payment> payments, bool ascending, PaymentCursor? cursor) =>
        InTimeOrder(cursor is null ? payments : AfterInTime(payments, ascending, cursor), ascending);

    private static IQueryable<Payment> ByAmount(IQueryable<Payment> payments, bool ascending, bool tiesAscending, PaymentCursor? cursor)
    {
        if (cursor is { } c)
        {
            var (amount, at, id) = (c.AmountMinorUnits, c.StartedAt, c.Id);
            // The amount's bound on its own, besides the exact key comparison, is what lets the index seek to the cursor.
            payments = (ascending, tiesAscending) switch
            {
                (true, true) => payments.Where(p => p.AmountMinorUnits >= amount &&
                    (p.AmountMinorUnits > amount || p.MethodChosenAt > at || (p.MethodChosenAt == at && p.Id > id))),
                (true, false) => payments.Where(p => p.AmountMinorUnits >= amount &&
                    (p.AmountMinorUnits > amount || p.MethodChosenAt < at || (p.MethodChosenAt == at && p.Id < id))),
                (false, true) => payments.Where(p => p.AmountMinorUnits <= amount &&
                    (p.AmountMinorUnits < amount || p.MethodChosenAt > at || (p.MethodChosenAt == at && p.Id > id))),
                (false, false) => payments.Where(p => p.AmountMinorUnits <= amount &&
                    (p.AmountMinorUnits < amount || p.MethodChosenAt < at || (p.MethodChosenAt == at && p.Id < id))),
            };
        }
        var sorted = ascending ? payments.OrderBy(p => p.AmountMinorUnits) : payments.OrderByDescending(p => p.AmountMinorUnits);
        return tiesAscending
            ? sorted.ThenBy(p => p.MethodChosenAt).ThenBy(p => p.Id)
            : sorted.ThenByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id);
    }

    private static async Task<List<Payment>> ByValueAsync<TValue>(IQueryable<Payment> payments, IReadOnlyList<TValue> values,
        Expression<Func<Payment, TValue>> valueOf, Func<PaymentCursor, TValue> cursorValue, bool ascending, bool tiesAscending,
        PaymentCursor? cursor, int take, CancellationToken cancellationToken) where TValue : struct, Enum
    {
        // Stored as their names, so the database orders them as their names compare ordinally.
        var ordered = values.OrderBy(v => v.ToString(), StringComparer.Ordinal).ToList();
        if (!ascending)
        {
            ordered.Reverse();
        }
        var rows = new List<Payment>(take);
        var startName = cursor is null ? null : cursorValue(cursor).ToString();
        foreach (var value in ordered)
        {
            var order = startName is null ? 1 : string.CompareOrdinal(value.ToString(), startName) * (ascending ? 1 : -1);
            if (order < 0)
            {
                continue;
            }
            var ofValue = payments.Where(Equal(valueOf, value));
            if (order == 0)
            {
                ofValue = AfterInTime(ofValue, tiesAscending, cursor!);
            }
            rows.AddRange(await InTimeOrder(ofValue, tiesAscending).Take(take - rows.Count).ToListAsync(cancellationToken));
            if (rows.Count == take)
            {
                break;
            }
        }
        return rows;
    }

    private static IQueryable<Payment> AfterInTime(IQueryable<Payment> payments, bool ascending, PaymentCursor cursor)
    {
        var (at, id) = (cursor.StartedAt, cursor.Id);
        return ascending
            ? payments.Where(p => p.MethodChosenAt >= at && (p.MethodChosenAt > at || p.Id > id))
            : payments.Where(p => p.MethodChosenAt <= at && (p.MethodChosenAt < at || p.Id < id));
    }

    private static IOrderedQueryable<Payment> InTimeOrder(IQueryable<Payment> payments, bool ascending) => ascending
        ? payments.OrderBy(p => p.MethodChosenAt).ThenBy(p => p.Id)
        : payments.OrderByDescending(p => p.MethodChosenAt).ThenByDescending(p => p.Id);

    private static Expression<Func<Payment, bool>> Equal<TValue>(Expression<Func<Payment, TValue>> valueOf, TValue value)
    {
        // A captured value, so the database sees a parameter, as it does for the filters.
        var holder = new ValueHolder<TValue>(value);
        var body = Expression.Equal(valueOf.Body,
            Expression.Property(Expression.Constant(holder), nameof(ValueHolder<TValue>.Value)));
        return Expression.Lambda<Func<Payment, bool>>(body, valueOf.Parameters);
    }

    private static PaymentStatus[] StatusesOf(PaymentFilter filter) => filter.Status is { } status
        ? [status]
        : [.. Enum.GetValues<PaymentStatus>().Where(s => filter.IncludeAbandoned || s != PaymentStatus.Abandoned)];

    private static PaymentMethod[] MethodsOf(PaymentFilter filter) =>
        filter.Method is { } method ? [method] : Enum.GetValues<PaymentMethod>();

    private sealed record ValueHolder<TValue>(TValue Value);
}
