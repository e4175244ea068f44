using System.ComponentModel.DataAnnotations;

namespace Portal.Webhooks;

/// <summary>Section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How long an endpoint has to answer one POST. Defaults to 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay; each next one doubles (with jitter) up to <see cref="MaxRetryDelay"/>. Defaults to 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts. Defaults to 6 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long after its event a delivery is still retried. Defaults to 3 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the dispatcher looks for due deliveries when nothing woke it. Defaults to 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many POSTs are in flight at once. Defaults to 8.</summary>
    [Range(1, 256)]
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>Whether endpoints may be plain http:// addresses. Defaults to true in Development only.</summary>
    public bool? AllowHttp { get; set; }

    /// <summary>
    /// Whether endpoints may be on this machine or a private network (loopback, link-local, private ranges, internal
    /// names). Defaults to true in Development only; Portal refuses to start with it on anywhere else.
    /// </summary>
    public bool? AllowPrivateNetworks { get; set; }

    /// <summary>How many endpoints one merchant may have. Defaults to 10.</summary>
    [Range(1, 1000)]
    public int MaxEndpointsPerMerchant { get; set; } = 10;

    /// <summary>How many redeliveries a merchant's staff may ask for per minute, across all instances. Defaults to 30.</summary>
    [Range(1, 10_000)]
    public int RedeliveriesPerMinute { get; set; } = 30;

    /// <summary>How long a rolled secret's previous value still signs deliveries, beside the new one. Defaults to 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan PreviousSecretValidFor { get; set; } = TimeSpan.FromHours(24);
}
