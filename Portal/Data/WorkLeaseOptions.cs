using System.ComponentModel.DataAnnotations;

namespace Portal.Data;

/// <summary>Section "WorkLeases": how long a job stays with the instance that took it.</summary>
public sealed class WorkLeaseOptions
{
    public const string Section = "WorkLeases";

    /// <summary>
    /// How long a lease lasts from its last renewal, on the database's clock; also how long a job waits for another
    /// instance after its holder dies. Longer than the rounds that renew it. Defaults to 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "01:00:00")]
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(30);
}
