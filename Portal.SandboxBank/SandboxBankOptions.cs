using System.ComponentModel.DataAnnotations;
using Portal.Domain.Rails;

namespace Portal.SandboxBank;

/// <summary>The sandbox bank's settings (section <c>SandboxBank</c>), including the chaos it can inject for demos and tests.</summary>
public sealed class SandboxBankOptions : IValidatableObject
{
    public const string Section = "SandboxBank";

    /// <summary>
    /// Whether Portal embeds the bank (its endpoints under <c>/sandbox/bank/v1</c>, its database, its settlement service).
    /// Portal decides it (true in Development; elsewhere false when <c>Rail:BaseUrl</c> is set, and production refuses to
    /// start when neither is said); the bank run alone ignores it.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Open the bank's published test payer accounts (6200000000000001 to …003, PIN 123456) when it starts, so a
    /// staging deployment has someone to pay with, as a card network's test cards. Defaults to true.
    /// </summary>
    public bool SeedTestAccounts { get; set; } = true;

    /// <summary>
    /// Shared HMAC secret with Portal's rail client, as the single key with id <c>default</c>. From the environment or user secrets
    /// outside development. Use either this or <see cref="SigningKeys"/>.
    /// </summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>
    /// Keys shared with Portal's rail client, for rotation: the first signs, every one verifies until its <c>NotAfter</c>, e.g.
    /// <c>SandboxBank:SigningKeys:0:Id=2027-01</c>, <c>:Secret=…</c>; <c>SandboxBank:SigningKeys:1:Id=default</c>, <c>:Secret=</c>
    /// the old secret, <c>:NotAfter=2027-01-08T00:00:00Z</c>. Defaults to none: <see cref="SigningSecret"/> alone.
    /// </summary>
    public List<SigningKeySetting> SigningKeys { get; set; } = [];

    /// <summary>The signer these settings describe (validated at start).</summary>
    public MessageSigner CreateSigner() => new(SigningKeySetting.Keys(SigningSecret, SigningKeys));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        SigningKeySetting.Problems(Section, SigningSecret, SigningKeys)
            .Select(problem => new ValidationResult(problem, [nameof(SigningKeys)]));

    /// <summary>How far a request's timestamp may be from the bank's clock. Defaults to 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Added before every answer, to show a slow bank. Defaults to none.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>Share of requests answered 503 before anything is processed (0..1). Defaults to 0.</summary>
    [Range(0.0, 1.0)]
    public double FailureRate { get; set; }

    /// <summary>Share of orders processed and committed whose answer is then held back (0..1). Defaults to 0.</summary>
    [Range(0.0, 1.0)]
    public double LostResponseRate { get; set; }

    /// <summary>How long a "lost" answer is held back, longer than the client waits. Defaults to 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LostResponseDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after acceptance a fast order is settled and its result called back. Defaults to 3 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FastSettlementDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Share of fast orders settled whose callback is never sent (0..1), left for Portal's reconciler. Defaults to 0.</summary>
    [Range(0.0, 1.0)]
    public double LostCallbackRate { get; set; }

    /// <summary>PBKDF2-SHA256 iterations for new PIN hashes. Defaults to 100,000.</summary>
    [Range(1_000, 10_000_000)]
    public int PinHashIterations { get; set; } = 100_000;

    /// <summary>How long a successful PIN check is remembered in memory. Defaults to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan VerifiedPinCacheLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
