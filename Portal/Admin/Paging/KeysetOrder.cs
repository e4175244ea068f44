using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Portal.Admin.Paging;

/// <summary>
/// Pages a query newest first by an instant and an id, with no offset: each page is an index range read from a key,
/// so the hundredth page costs what the first does. Built once per list (the expressions are its sort key).
/// </summary>
/// <remarks>
/// The key condition is written <c>at &lt;= k.At AND (at &lt; k.At OR id &lt; k.Id)</c> rather than as a bare OR:
/// the first half is a range both SQLite and PostgreSQL seek in an index on (…, at, id); an OR alone makes SQLite scan.
/// Ids compare in the database as the database orders them (text on SQLite, uuid on PostgreSQL), never in .NET, whose
/// Guid order differs; so keys only ever go back into queries.
/// </remarks>
public sealed class KeysetOrder<TSource>
{
    private readonly Expression<Func<TSource, DateTimeOffset>> _at;
    private readonly Expression<Func<TSource, Guid>> _id;
    private readonly ParameterExpression _row;
    private readonly Expression _atOfRow;
    private readonly Expression _idOfRow;

    public KeysetOrder(Expression<Func<TSource, DateTimeOffset>> at, Expression<Func<TSource, Guid>> id)
    {
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(id);
        _at = at;
        _id = id;
        _row = at.Parameters[0];
        _atOfRow = at.Body;
        _idOfRow = ReplacingExpressionVisitor.Replace(id.Parameters[0], _row, id.Body);
    }

    /// <summary>The page <paramref name="request"/> asks for, at most <paramref name="size"/> rows, projected in the database.</summary>
    public async Task<KeysetPage<TRow>> PageAsync<TRow>(IQueryable<TSource> source, PageRequest request, int size,
        Expression<Func<TSource, TRow>> select, Func<TRow, PageKey> keyOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        switch (request.Direction)
        {
            case PageDirection.Older:
            {
                var rows = await NewestFirst(source.Where(OlderThan(request.Key!.Value)), size, select, cancellationToken);
                var shown = rows.Take(size).ToList();
                // The key's own row is newer than all of these, so there is always a way back.
                return new KeysetPage<TRow>(shown, request, shown.Count > 0 ? keyOf(shown[0]) : request.Key,
                    rows.Count > size ? keyOf(shown[^1]) : null);
            }
            case PageDirection.Newer:
            {
                var rows = await source.Where(NewerThan(request.Key!.Value))
                    .OrderBy(_at).ThenBy(_id)
                    .Take(size + 1)
                    .Select(select)
                    .ToListAsync(cancellationToken);
                if (rows.Count <= size)
                {
                    // Back at the head: the newest page, full, rather than the few rows left above the key.
                    return await PageAsync(source, PageRequest.Newest, size, select, keyOf, cancellationToken);
                }
                var shown = rows.Take(size).Reverse().ToList();
                return new KeysetPage<TRow>(shown, request, keyOf(shown[0]), keyOf(shown[^1]));
            }
            case PageDirection.Before:
            {
                var before = request.BeforeInstant!.Value;
                var rows = await NewestFirst(source.Where(Compare(Expression.LessThan, _atOfRow, before)), size, select, cancellationToken);
                var shown = rows.Take(size).ToList();
                var newer = await source.AnyAsync(Compare(Expression.GreaterThanOrEqual, _atOfRow, before), cancellationToken);
                // With nothing before the day, Newer from an instant-only key still reaches the rows after it.
                PageKey? newerKey = !newer ? null : shown.Count > 0 ? keyOf(shown[0]) : new PageKey(before, Guid.Empty);
                return new KeysetPage<TRow>(shown, request, newerKey, rows.Count > size ? keyOf(shown[^1]) : null);
            }
            default:
            {
                var rows = await NewestFirst(source, size, select, cancellationToken);
                var shown = rows.Take(size).ToList();
                return new KeysetPage<TRow>(shown, PageRequest.Newest, null, rows.Count > size ? keyOf(shown[^1]) : null);
            }
        }
    }

    /// <summary>How many rows <paramref name="source"/> holds, exactly up to <see cref="ListCount.Cap"/>.</summary>
    public static async Task<ListCount> CountAsync(IQueryable<TSource> source, CancellationToken cancellationToken = default) =>
        ListCount.Of(await source.Take(ListCount.Cap + 1).CountAsync(cancellationToken));

    private Task<List<TRow>> NewestFirst<TRow>(IQueryable<TSource> source, int size, Expression<Func<TSource, TRow>> select,
        CancellationToken cancellationToken) =>
        source.OrderByDescending(_at).ThenByDescending(_id).Take(size + 1).Select(select).ToListAsync(cancellationToken);

    // Rows strictly beyond the key in (time, id) order: older (less) or newer (greater). Written as "at <= k.at and
    // (at < k.at or id < k.id)" so that the leading comparison is one an index on (time, id) can seek on.
    private Expression<Func<TSource, bool>> OlderThan(PageKey key) =>
        Beyond(key, Expression.LessThanOrEqual, Expression.LessThan);

    private Expression<Func<TSource, bool>> NewerThan(PageKey key) =>
        Beyond(key, Expression.GreaterThanOrEqual, Expression.GreaterThan);

    private Expression<Func<TSource, bool>> Beyond(PageKey key, Func<Expression, Expression, BinaryExpression> orEqual,
        Func<Expression, Expression, BinaryExpression> strictly)
    {
        var bound = Expression.Constant(new Bound(key.At, key.Id));
        var at = Expression.Property(bound, nameof(Bound.At));
        var id = Expression.Property(bound, nameof(Bound.Id));
        return Expression.Lambda<Func<TSource, bool>>(
            Expression.AndAlso(orEqual(_atOfRow, at), Expression.OrElse(strictly(_atOfRow, at), strictly(_idOfRow, id))),
            _row);
    }

    private Expression<Func<TSource, bool>> Compare(Func<Expression, Expression, BinaryExpression> comparison, Expression left,
        DateTimeOffset instant) =>
        Expression.Lambda<Func<TSource, bool>>(
            comparison(left, Expression.Property(Expression.Constant(new Bound(instant, Guid.Empty)), nameof(Bound.At))), _row);

    // Read through a member of a constant, as a closure would be: EF Core sends the values as parameters, so every
    // page shares one cached query plan instead of carrying its key as literals.
    private sealed record Bound(DateTimeOffset At, Guid Id);
}
