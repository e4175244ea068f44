namespace Portal.Audit;

/// <summary>What a feature asks <see cref="IAuditLog"/> to keep. <paramref name="Details"/> is serialised as JSON.</summary>
public sealed record AuditRecord(
    Guid? MerchantId,
    string? ActorUserId,
    string ActorName,
    string Action,
    string Summary,
    string? TargetType = null,
    string? TargetId = null,
    object? Details = null,
    string? IpAddress = null);
