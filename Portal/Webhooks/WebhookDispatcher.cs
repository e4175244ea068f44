using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Webhooks;

/// <summary>
/// Sends the outbox. Each round it fans new events out into one delivery per subscribed, enabled endpoint (in one
/// transaction with marking the event done), then attempts every due delivery. It runs as soon as the database is ready,
/// so what a crash left (events never fanned out, deliveries due or claimed by the dead process) goes out after a
/// restart; after that it runs when a commit nudges it (<see cref="WebhookSignal"/>) or every
/// <see cref="WebhookOptions.PollInterval"/>, on the app's <see cref="TimeProvider"/>. A failed round (the database down
/// for a while) waits a poll interval, then tries again.
/// Every instance runs one, each piece once: the unique (event, endpoint) index lets only one fan-out of an event
/// commit, and a delivery is sent only by the instance whose claim on it (timed by the database's clock) is current.
/// </summary>
internal sealed class WebhookDispatcher(
    IDbContextFactory<PortalDbContext> contexts,
    DatabaseStatus database,
    WebhookSender sender,
    WebhookSecrets secrets,
    WebhookSignal signal,
    WebhookMetrics metrics,
    InstanceIdentity instance,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger,
    SqliteGroupCommit? commits = null) : BackgroundService
{
    private const int FanOutBatch = 200;

    // A claim outlives the attempt it covers (the POST is cut off at the timeout) by this much: time to record it.
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(5);

    private DateTimeOffset _backlogMeasuredAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await database.WhenReadyAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await FanOutAsync(stoppingToken) | await DeliverDueAsync(stoppingToken);
                await MeasureBacklogAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                WebhooksLog.RoundFailed(logger, ex);
            }
            if (!more)
            {
                await WaitAsync(stoppingToken);
            }
        }
    }

    /// <summary>Creates the deliveries of events not yet fanned out; true when it found any.</summary>
    internal async Task<bool> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var events = await db.Set<WebhookEvent>()
            .Where(e => e.FannedOutAt == null)
            .OrderBy(e => e.CreatedAt)
            .Take(FanOutBatch)
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return false;
        }
        var merchantIds = events.Select(e => e.MerchantId).Distinct().ToList();
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking()
            .Where(e => merchantIds.Contains(e.MerchantId) && e.Enabled)
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var webhookEvent in events)
        {
            foreach (var endpoint in endpoints.Where(e => e.MerchantId == webhookEvent.MerchantId && e.Subscribes(webhookEvent.Type)))
            {
                db.Add(WebhookDelivery.Create(webhookEvent, endpoint, options.Value.RetryFor, now));
            }
            webhookEvent.FannedOutAt = now;
        }
        try
        {
            await SaveAsync(db, cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another instance fanned the same events out first (one delivery per event and endpoint is unique).
        }
        return true;
    }

    /// <summary>Attempts the deliveries due now, several at once; true when there were any.</summary>
    internal async Task<bool> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<Guid> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Claimed elsewhere is not due here: another instance is sending it, or died and its claim has yet to lapse.
            var databaseNow = await db.GetDatabaseNowAsync(cancellationToken);
            due = await db.Set<WebhookDelivery>()
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                    && (d.ClaimedUntil == null || d.ClaimedUntil <= databaseNow))
                .OrderBy(d => d.NextAttemptAt)
                .Select(d => d.Id)
                .Take(options.Value.MaxParallelDeliveries * 4)
                .ToListAsync(cancellationToken);
        }
        if (due.Count == 0)
        {
            return false;
        }
        await Parallel.ForEachAsync(due,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelDeliveries, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                try
                {
                    await AttemptAsync(id, token);
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    WebhooksLog.AttemptCrashed(logger, id, ex);
                }
            });
        return true;
    }

    private async Task AttemptAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await TryClaimAsync(db, deliveryId, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == delivery.EndpointId, cancellationToken);
        if (endpoint is not { Enabled: true })
        {
            delivery.Abandon("The endpoint is disabled.", now);
            if (await TrySaveAsync(db, cancellationToken))
            {
                metrics.Abandon();
            }
            return;
        }
        var webhookEvent = await db.Set<WebhookEvent>().AsNoTracking().SingleAsync(e => e.Id == delivery.EventId, cancellationToken);

        WebhookSendResult result;
        try
        {
            result = await sender.SendAsync(endpoint.Url, SigningSecrets(endpoint, now), webhookEvent, cancellationToken);
        }
        catch (CryptographicException)
        {
            result = new WebhookSendResult(null, "The signing secret cannot be read (Data Protection keys lost); roll the secret.", TimeSpan.Zero);
        }
        var retryDelay = RetrySchedule.After(delivery.Attempts + 1, options.Value.RetryBase, options.Value.MaxRetryDelay, Random.Shared);
        db.Add(delivery.RecordAttempt(result.StatusCode, result.Error, result.Duration, retryDelay, time.GetUtcNow()));
        await SaveAsync(db, CancellationToken.None);
        metrics.Attempted(delivery.Status);
        if (result.Error is null)
        {
            WebhooksLog.Delivered(logger, delivery.Id, webhookEvent.Id, endpoint.Id, delivery.Attempts);
        }
        else
        {
            WebhooksLog.AttemptFailed(logger, delivery.Id, webhookEvent.Id, endpoint.Id, delivery.Attempts, result.StatusCode,
                result.Error, delivery.Status.ToString());
        }
    }

    // The current secret must be readable (else the caller records why); a previous one that cannot be is left out, so
    // a lost key ring does not stop deliveries that the new secret alone can sign.
    private List<string> SigningSecrets(WebhookEndpoint endpoint, DateTimeOffset now)
    {
        var signing = new List<string> { secrets.Unprotect(endpoint.ProtectedSecret) };
        foreach (var previous in endpoint.SigningSecrets(now).Skip(1))
        {
            try
            {
                signing.Add(secrets.Unprotect(previous));
            }
            catch (CryptographicException)
            {
            }
        }
        return signing;
    }

    // The claim, in one conditional UPDATE: still due, and nobody's claim current on the database's clock. Whoever's
    // UPDATE touched the row sends it; if this process dies while sending, the claim lapses and another instance retries.
    // A claim that lapsed while this process still sends is lost: its attempt then fails on the version token.
    private async Task<bool> TryClaimAsync(PortalDbContext db, Guid deliveryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var me = instance.Id;
        var timeout = options.Value.Timeout;
        var claimed = await commits.WriteInTurnAsync(db, async (portal, ct) =>
        {
            var databaseNow = await portal.GetDatabaseNowAsync(ct);
            var until = databaseNow + timeout + ClaimMargin;
            return await portal.Set<WebhookDelivery>()
                .Where(d => d.Id == deliveryId && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                    && (d.ClaimedUntil == null || d.ClaimedUntil <= databaseNow))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.ClaimedBy, me)
                    .SetProperty(d => d.ClaimedUntil, until)
                    .SetProperty(d => d.Version, d => d.Version + 1), ct);
        }, cancellationToken);
        return claimed == 1;
    }

    // The oldest event still waiting (not fanned out yet, or with a delivery pending since its fan-out) for
    // WebhookMetrics, at most every BacklogInterval however many rounds a burst of commits causes: two indexed MIN
    // queries, instead of one per scrape.
    private async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _backlogMeasuredAt < WebhookMetrics.BacklogInterval)
        {
            return;
        }
        _backlogMeasuredAt = now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unsent = await db.Set<WebhookEvent>().Where(e => e.FannedOutAt == null)
            .MinAsync(e => (DateTimeOffset?)e.CreatedAt, cancellationToken);
        var pending = await db.Set<WebhookDelivery>().Where(d => d.Status == WebhookDeliveryStatus.Pending)
            .MinAsync(d => (DateTimeOffset?)d.CreatedAt, cancellationToken);
        metrics.OldestUndelivered(unsent is null || (pending is not null && pending < unsent) ? pending : unsent);
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await Task.WhenAny(signal.WaitAsync(stop.Token), Task.Delay(options.Value.PollInterval, time, stop.Token));
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private async Task<bool> TrySaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await SaveAsync(db, cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        await commits.SaveChangesInTurnAsync(db, cancellationToken);
    }
}
