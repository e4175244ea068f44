using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Api.Idempotency;

/// <summary>
/// Claims, completes and releases Idempotency-Keys in the database, so twins on any thread (or, on SQL Server, any
/// server) agree on which of them does the work: the unique index on (merchant, key) decides, not a lock in memory.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider time)
{
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
        var insertsLost = 0;
        while (true)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                var existing = await db.IdempotencyRecords.AsNoTracking()
                    .SingleOrDefaultAsync(r => r.MerchantId == merchantId && r.Key == key, cancellationToken);
                var now = time.GetUtcNow();
                if (existing is null)
                {
                    var record = IdempotencyRecord.Claim(merchantId, key, fingerprint, now);
                    db.IdempotencyRecords.Add(record);
                    try
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        return new IdempotencyClaim.Claimed(record.Id);
                    }
                    catch (DbUpdateException) when (++insertsLost < 5)
                    {
                        // A twin inserted the key between our read and our insert: read its row next time round.
                        continue;
                    }
                }
                if (existing.Fingerprint != fingerprint)
                {
                    return new IdempotencyClaim.Reused();
                }
                if (existing.Response is { } response)
                {
                    return new IdempotencyClaim.Finished(response);
                }
                if (now - existing.CreatedAt > AbandonedAfter)
                {
                    await db.IdempotencyRecords
                        .Where(r => r.Id == existing.Id && r.CompletedAt == null)
                        .ExecuteDeleteAsync(cancellationToken);
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.IdempotencyRecords.SingleAsync(r => r.Id == recordId, cancellationToken);
        record.Complete(response, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Gives an unfinished key back (the request failed on our side), so the client's retry does the work.</summary>
    public async Task ReleaseAsync(Guid recordId)
    {
        // Not the request's token: a client that hung up must not leave its key claimed.
        await using var db = await contexts.CreateDbContextAsync();
        await db.IdempotencyRecords.Where(r => r.Id == recordId && r.CompletedAt == null).ExecuteDeleteAsync();
    }

    /// <summary>Deletes keys older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Retention;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
