using System.Diagnostics.Metrics;
using Portal.Domain.Telemetry;

namespace Portal.Webhooks;

/// <summary>
/// Webhook deliveries by outcome, and how long the oldest event still waiting to reach an endpoint has waited. The age
/// is read by the dispatcher on its own rounds, at most every <see cref="BacklogInterval"/>, and only the instant is
/// kept: a scrape costs no query, and the age it reports goes on growing until a round finds the event delivered.
/// </summary>
public sealed class WebhookMetrics
{
    /// <summary>How often the dispatcher looks up its oldest undelivered event.</summary>
    public static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(5);

    private const string OutcomeTag = "portal.webhook.outcome";

    private static readonly KeyValuePair<string, object?> Delivered = new(OutcomeTag, "delivered");
    private static readonly KeyValuePair<string, object?> Retrying = new(OutcomeTag, "retrying");
    private static readonly KeyValuePair<string, object?> Failed = new(OutcomeTag, "failed");
    private static readonly KeyValuePair<string, object?> Abandoned = new(OutcomeTag, "abandoned");

    private readonly Counter<long> _attempts;
    private readonly TimeProvider _time;
    private long _oldestUndeliveredTicks;

    public WebhookMetrics(IMeterFactory meters, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _time = time;
        var meter = meters.Create(PortalTelemetry.MeterName);
        _attempts = meter.CreateCounter<long>("portal.webhook.deliveries", "{attempt}",
            "Webhook delivery attempts by outcome: delivered (a 2xx), retrying (failed, tried again later), failed (out of " +
            "retries), abandoned (its endpoint was switched off).");
        meter.CreateObservableGauge("portal.webhook.oldest_undelivered.age", ObserveOldest, "s",
            "How long the oldest event not yet delivered to every endpoint that wants it has waited; 0 when none waits.");
    }

    /// <summary>An attempt ended with the delivery in <paramref name="status"/>.</summary>
    public void Attempted(WebhookDeliveryStatus status) => _attempts.Add(1, status switch
    {
        WebhookDeliveryStatus.Delivered => Delivered,
        WebhookDeliveryStatus.Pending => Retrying,
        _ => Failed,
    });

    public void Abandon() => _attempts.Add(1, Abandoned);

    /// <summary>What the dispatcher found: the creation instant of its oldest undelivered event, or none.</summary>
    public void OldestUndelivered(DateTimeOffset? createdAt) =>
        Interlocked.Exchange(ref _oldestUndeliveredTicks, createdAt?.UtcTicks ?? 0);

    private double ObserveOldest()
    {
        var ticks = Interlocked.Read(ref _oldestUndeliveredTicks);
        return ticks == 0 ? 0 : Math.Max(0, (_time.GetUtcNow().UtcTicks - ticks) / (double)TimeSpan.TicksPerSecond);
    }
}
