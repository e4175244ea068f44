using System.ComponentModel.DataAnnotations;

namespace Portal.Rails;

/// <summary>How Portal reaches its payment rail (section <c>Rail</c>).</summary>
public sealed class RailOptions
{
    public const string Section = "Rail";

    /// <summary>
    /// The rail's base address, e.g. <c>https://acquirer.example/</c>. Defaults to none: Portal's own address, where
    /// the embedded sandbox bank listens.
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Where the rail POSTs the result of a fast order, e.g. <c>https://portal.example/rails/sandbox/callback</c>.
    /// Defaults to none: Portal's own listening address plus <c>rails/sandbox/callback</c>.
    /// </summary>
    [Url]
    public string? CallbackUrl { get; set; }

    /// <summary>Shared HMAC secret with the rail. From the environment or user secrets outside development.</summary>
    [Required, MinLength(32)]
    public string SigningSecret { get; set; } = "";

    /// <summary>How long to wait for an answer before the outcome counts as unknown. Defaults to 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far an answer's timestamp may be from Portal's clock. Defaults to 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromSeconds(30);
}
