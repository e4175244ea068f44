namespace Portal.Api.Idempotency;

/// <summary>
/// One Idempotency-Key of one merchant: claimed by inserting this row before the work starts (the unique index on
/// merchant and key lets exactly one of parallel twins win), then completed with the answer to replay. A row without
/// <see cref="CompletedAt"/> is a request still in flight.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;

    private IdempotencyRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid MerchantId { get; private set; }

    public string Key { get; private set; } = "";

    /// <summary>Lowercase hex SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    /// <summary>The first answer's body, byte for byte.</summary>
    public byte[]? ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static IdempotencyRecord Claim(Guid merchantId, string key, string fingerprint, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MerchantId = merchantId,
        Key = key,
        Fingerprint = fingerprint,
        CreatedAt = now,
    };

    public CapturedResponse? Response => StatusCode is { } status && CompletedAt is not null
        ? new CapturedResponse(status, ContentType, Location, ResponseBody ?? [])
        : null;
}
