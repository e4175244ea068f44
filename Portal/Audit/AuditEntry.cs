namespace Portal.Audit;

/// <summary>
/// One thing a member of staff did (or tried: a failed sign-in), as the audit log keeps it: who, when, what, on which
/// thing. Entries are only ever added. <see cref="MerchantId"/> is null for what belongs to no merchant (the platform).
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int ActorNameMaxLength = 256;
    public const int TargetTypeMaxLength = 64;
    public const int TargetIdMaxLength = 64;
    public const int SummaryMaxLength = 500;
    public const int DetailsMaxLength = 4000;
    public const int IpAddressMaxLength = 45;

    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid? MerchantId { get; private set; }

    /// <summary>The Identity user id of whoever acted; null when unknown (a sign-in with an unknown email is not kept).</summary>
    public string? ActorUserId { get; private set; }

    /// <summary>The actor's display name at the time, so the entry reads the same after they are renamed or removed.</summary>
    public string ActorName { get; private set; } = "";

    /// <summary>One of <see cref="AuditActions"/>, or a feature's own name in the same style.</summary>
    public string Action { get; private set; } = "";

    public string? TargetType { get; private set; }

    public string? TargetId { get; private set; }

    /// <summary>One sentence for people: "Created payment link Green tea, 12.50 CNY".</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Structured detail as JSON, or null. Never secrets: callers pass what staff may read.</summary>
    public string? Details { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? IpAddress { get; private set; }

    public static AuditEntry From(AuditRecord record, string? details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            MerchantId = record.MerchantId,
            ActorUserId = Clip(record.ActorUserId, 450),
            ActorName = Clip(record.ActorName, ActorNameMaxLength) ?? "",
            Action = Clip(record.Action, ActionMaxLength)!,
            TargetType = Clip(record.TargetType, TargetTypeMaxLength),
            TargetId = Clip(record.TargetId, TargetIdMaxLength),
            Summary = Clip(record.Summary, SummaryMaxLength) ?? "",
            Details = Clip(details, DetailsMaxLength),
            At = now,
            IpAddress = Clip(record.IpAddress, IpAddressMaxLength),
        };
    }

    // An audit entry is written after the action succeeded: a long summary is shortened, never a reason to lose the entry.
    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
