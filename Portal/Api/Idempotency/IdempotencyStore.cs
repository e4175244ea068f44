using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Api.Idempotency;

/// <summary>
/// Claims, completes and releases Idempotency-Keys in the database, so twins on any thread (or, on SQL Server, any
/// server) agree on which of them does the work: the unique index on (merchant, key) decides, not a lock in memory.
/// On SQLite its writes are group committed with the payment store's (<see cref="SqliteGroupCommit"/>).
/// </summary>
internal sealed class IdempotencyStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider time, IServiceProvider services)
{
    private readonly SqliteGroupCommit? _commits = services.GetService<SqliteGroupCommit>();

    /// <summary>How long a twin waits for the first request to finish before answering 409.</summary>
    public static readonly TimeSpan WaitForTwin = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A claim this old without an answer belongs to a request that died with its process (an answer takes
    /// milliseconds to seconds): the key is taken over, so a client's retry is not refused for ever.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <summary>Keys are kept this long (the contract promises at least 24 hours), then purged.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<IdempotencyClaim> ClaimAsync(Guid merchantId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var vanished = 0;
        while (true)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                // Insert first: a new key (nearly every request) costs one statement; only a twin reads.
                var record = IdempotencyRecord.Claim(merchantId, key, fingerprint, time.GetUtcNow());
                db.IdempotencyRecords.Add(record);
                try
                {
                    await _commits.SaveChangesInTurnAsync(db, cancellationToken);
                    return new IdempotencyClaim.Claimed(record.Id);
                }
                catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
                {
                    // The unique index refused: a twin holds the key. Its row says what to answer.
                }
            }
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var existing = await db.IdempotencyRecords.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.MerchantId == merchantId && r.Key == key, cancellationToken);
                if (existing is null)
                {
                    // Released (its request failed on our side) between our insert and this read: claim again. Again and
                    // again means the insert fails for another reason, which must surface.
                    if (++vanished > 5)
                    {
                        throw new InvalidOperationException("Could not claim an idempotency key, and no twin holds it.");
                    }
                    continue;
                }
                if (existing.Fingerprint != fingerprint)
                {
                    return new IdempotencyClaim.Reused();
                }
                if (existing.Response is { } response)
                {
                    return new IdempotencyClaim.Finished(response);
                }
                if (time.GetUtcNow() - existing.CreatedAt > AbandonedAfter)
                {
                    await _commits.WriteInTurnAsync(db, (d, ct) => d.IdempotencyRecords
                        .Where(r => r.Id == existing.Id && r.CompletedAt == null)
                        .ExecuteDeleteAsync(ct), cancellationToken);
                    continue;
                }
            }
            if (time.GetElapsedTime(started) >= WaitForTwin)
            {
                return new IdempotencyClaim.InFlight();
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public async Task CompleteAsync(Guid recordId, CapturedResponse response, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await _commits.WriteInTurnAsync(db, (d, ct) => d.IdempotencyRecords.Where(r => r.Id == recordId)
            .ExecuteUpdateAsync(r => r
                .SetProperty(x => x.StatusCode, response.StatusCode)
                .SetProperty(x => x.ContentType, response.ContentType)
                .SetProperty(x => x.Location, response.Location)
                .SetProperty(x => x.ResponseBody, response.Body)
                .SetProperty(x => x.CompletedAt, now), ct), cancellationToken);
    }

    /// <summary>Gives an unfinished key back (the request failed on our side), so the client's retry does the work.</summary>
    public async Task ReleaseAsync(Guid recordId)
    {
        // Not the request's token: a client that hung up must not leave its key claimed.
        await using var db = await contexts.CreateDbContextAsync();
        await _commits.WriteInTurnAsync(db, (d, ct) => d.IdempotencyRecords
            .Where(r => r.Id == recordId && r.CompletedAt == null).ExecuteDeleteAsync(ct), CancellationToken.None);
    }

    /// <summary>Deletes keys older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await _commits.WriteInTurnAsync(db, (d, ct) => d.IdempotencyRecords
            .Where(r => r.CreatedAt < before).ExecuteDeleteAsync(ct), cancellationToken);
    }
}
