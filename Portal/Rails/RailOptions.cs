using System.ComponentModel.DataAnnotations;
using Portal.Domain.Rails;

namespace Portal.Rails;

/// <summary>How Portal reaches its payment rail (section <c>Rail</c>).</summary>
public sealed class RailOptions : IValidatableObject
{
    public const string Section = "Rail";

    /// <summary>
    /// The rail's base address, e.g. <c>https://acquirer.example/</c>. Defaults to none: Portal's own address, where
    /// the embedded sandbox bank listens.
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Whether <see cref="BaseUrl"/> may be plain http outside Development to a host that is not loopback: only for a
    /// sandbox bank on a private network (a compose network). Defaults to false: https required.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Where the rail POSTs the result of a fast order, e.g. <c>https://portal.example/rails/sandbox/callback</c>: a
    /// payment's under it at <c>payments</c>, a refund's at <c>refunds</c>. Defaults to none: Portal's own listening
    /// address plus <c>rails/sandbox/callback</c>.
    /// </summary>
    [Url]
    public string? CallbackUrl { get; set; }

    /// <summary>
    /// Shared HMAC secret with the rail, as the single key with id <c>default</c>. From the environment or user secrets
    /// outside development. Use either this or <see cref="SigningKeys"/>.
    /// </summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>
    /// Keys shared with the rail, for rotation: the first signs, every one verifies until its <c>NotAfter</c>, e.g.
    /// <c>Rail:SigningKeys:0:Id=2027-01</c>, <c>:Secret=…</c>; <c>Rail:SigningKeys:1:Id=default</c>, <c>:Secret=</c>
    /// the old secret, <c>:NotAfter=2027-01-08T00:00:00Z</c>. Defaults to none: <see cref="SigningSecret"/> alone.
    /// </summary>
    public List<SigningKeySetting> SigningKeys { get; set; } = [];

    /// <summary>The signer these settings describe (validated at start).</summary>
    public MessageSigner CreateSigner() => new(SigningKeySetting.Keys(SigningSecret, SigningKeys));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        SigningKeySetting.Problems(Section, SigningSecret, SigningKeys)
            .Select(problem => new ValidationResult(problem, [nameof(SigningKeys)]));

    /// <summary>How long to wait for an answer before the outcome counts as unknown. Defaults to 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far an answer's timestamp may be from Portal's clock. Defaults to 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromSeconds(30);
}
