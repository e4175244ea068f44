namespace Portal.Webhooks;

/// <summary>
/// One event on its way to one endpoint. Attempts are recorded on it until a 2xx, or until its retry time runs out.
/// The dispatcher claims a due delivery (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>, on the database's
/// clock, in one conditional UPDATE that also bumps <see cref="Version"/>) before sending, so two dispatchers on any
/// instances never send it at once, and one that dies mid-send leaves it to another once the claim lapses.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid MerchantId { get; private set; }

    public Guid EventId { get; private set; }

    public Guid EndpointId { get; private set; }

    /// <summary>Copied from the event, so that lists filter and show it without a join.</summary>
    public string EventType { get; private set; } = "";

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>After this, a failure is final (3 days after the event by default).</summary>
    public DateTimeOffset RetryUntil { get; private set; }

    /// <summary>When a pending delivery is due; null once delivered or failed.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The instance sending it right now (<c>Portal.Data.InstanceIdentity</c>); null between attempts.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>On the database's clock, when an unfinished attempt stops keeping other dispatchers away.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public int Version { get; private set; }

    public static WebhookDelivery Create(WebhookEvent webhookEvent, WebhookEndpoint endpoint, TimeSpan retryFor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MerchantId = webhookEvent.MerchantId,
        EventId = webhookEvent.Id,
        EndpointId = endpoint.Id,
        EventType = webhookEvent.Type,
        Status = WebhookDeliveryStatus.Pending,
        CreatedAt = now,
        RetryUntil = webhookEvent.CreatedAt + retryFor,
        NextAttemptAt = now,
        Version = 1,
    };

    /// <summary>
    /// Records one attempt. A failure is retried after <paramref name="retryDelay"/> while that stays within
    /// <see cref="RetryUntil"/> (the last retry is moved up to it); after that the delivery has failed.
    /// </summary>
    public WebhookAttempt RecordAttempt(int? statusCode, string? error, TimeSpan duration, TimeSpan retryDelay, DateTimeOffset now)
    {
        Attempts++;
        ClaimedBy = null;
        ClaimedUntil = null;
        LastAttemptAt = now;
        LastStatusCode = statusCode;
        LastError = error;
        if (error is null)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = now;
            NextAttemptAt = null;
        }
        else if (now < RetryUntil)
        {
            Status = WebhookDeliveryStatus.Pending;
            NextAttemptAt = now + retryDelay < RetryUntil ? now + retryDelay : RetryUntil;
        }
        else
        {
            Status = WebhookDeliveryStatus.Failed;
            NextAttemptAt = null;
        }
        Version++;
        return new WebhookAttempt
        {
            Id = Guid.CreateVersion7(now),
            DeliveryId = Id,
            MerchantId = MerchantId,
            At = now,
            StatusCode = statusCode,
            Error = error,
            DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
        };
    }

    /// <summary>Its endpoint was switched off or removed: nothing more is sent.</summary>
    public void Abandon(string reason, DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Failed;
        ClaimedBy = null;
        ClaimedUntil = null;
        LastError = reason;
        LastAttemptAt ??= now;
        NextAttemptAt = null;
        Version++;
    }

    /// <summary>An owner asks for one more attempt now (same event, same id), whatever its state.</summary>
    public void Redeliver(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        Version++;
    }
}
