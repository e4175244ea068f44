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
}
