using System.ComponentModel.DataAnnotations;

namespace Portal.Health;

/// <summary>Section "Health".</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How long one readiness check may take before it counts as failed, so that a database or rail that hangs makes
    /// the answer say so within a load balancer's probe timeout instead of hanging with it. Defaults to 3 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}
