using System.ComponentModel.DataAnnotations;

namespace Portal.Bus;

/// <summary>Section "Bus". The bus itself is on when <c>ConnectionStrings:Redis</c> is set.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>
    /// Prefix of every Redis channel and key Portal uses, so that two deployments can share one Redis without hearing
    /// each other. Defaults to "portal".
    /// </summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,40}$", ErrorMessage = "Bus:ChannelPrefix takes letters, digits, '_', '.' and '-' (at most 40).")]
    public string ChannelPrefix { get; set; } = "portal";

    /// <summary>
    /// How often an instance whose bus is down reads from the database what changed meanwhile, for the pages it holds.
    /// Defaults to 2 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(2);
}
