using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// Writes that go through <see cref="SqliteGroupCommit"/> on SQLite and straight to the database on a server, where
/// the database itself lets many writers commit at once: the one place that tells the two apart for a writer.
/// </summary>
internal static class SqliteGroupCommitExtensions
{
    public static Task<int> SaveChangesInTurnAsync(this SqliteGroupCommit? commit, DbContext db, CancellationToken cancellationToken = default) =>
        commit is null ? db.SaveChangesAsync(cancellationToken) : commit.SaveChangesAsync(db, cancellationToken);

    public static Task<T> WriteInTurnAsync<TContext, T>(this SqliteGroupCommit? commit, TContext db,
        Func<TContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken = default)
        where TContext : DbContext =>
        commit is null ? write(db, cancellationToken) : commit.WriteAsync(db, write, cancellationToken);

    public static async Task<SqliteGroupCommit.Release> EnterAloneAsync(this SqliteGroupCommit? commit, CancellationToken cancellationToken) =>
        commit is null ? default : await commit.EnterAsync(cancellationToken);
}
