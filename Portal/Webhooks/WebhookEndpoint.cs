using Portal.Domain.Common;

namespace Portal.Webhooks;

/// <summary>
/// A merchant's address for webhooks: where to POST, which events, whether on. Its signing secret must be readable
/// to sign with (HMAC), so it cannot be hashed: it is kept encrypted by Data Protection (<see cref="ProtectedSecret"/>).
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 500;
    public const int DescriptionMaxLength = 200;

    private WebhookEndpoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid MerchantId { get; private set; }

    public string Url { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>The subscribed event types, comma-separated as stored.</summary>
    public string EventTypes { get; private set; } = "";

    public bool Enabled { get; private set; }

    /// <summary>The <c>whsec_…</c> secret encrypted with Data Protection.</summary>
    public string ProtectedSecret { get; private set; } = "";

    /// <summary>The secret's first characters, so an owner can tell which one a receiver holds.</summary>
    public string SecretHint { get; private set; } = "";

    /// <summary>
    /// The secret this one replaced, encrypted like it, while it still signs (until <see cref="PreviousSecretExpiresAt"/>):
    /// receivers that have yet to take the new secret keep verifying meanwhile.
    /// </summary>
    public string? PreviousProtectedSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public int Version { get; private set; }

    public IReadOnlyList<string> Events => ParseEventTypes(EventTypes);

    /// <summary>The stored comma-separated list as event types; the outbox reads it without loading the endpoint.</summary>
    public static string[] ParseEventTypes(string eventTypes) => eventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Subscribes(string type) => Events.Contains(type, StringComparer.Ordinal);

    public static WebhookEndpoint Create(Guid merchantId, string url, string? description, IEnumerable<string> events,
        bool allowHttp, string protectedSecret, string secretHint, string createdBy, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            MerchantId = merchantId,
            Enabled = true,
            CreatedAt = now,
            CreatedBy = createdBy,
            Version = 1,
        };
        endpoint.Apply(url, description, events, allowHttp);
        endpoint.ProtectedSecret = protectedSecret;
        endpoint.SecretHint = secretHint;
        return endpoint;
    }

    public void Update(string url, string? description, IEnumerable<string> events, bool enabled, bool allowHttp)
    {
        Apply(url, description, events, allowHttp);
        Enabled = enabled;
        Version++;
    }

    /// <summary>
    /// A new secret; the current one keeps signing beside it for <paramref name="overlap"/> (zero: not at all). Rolling
    /// again within the overlap drops the oldest: only the secret replaced now is kept, as its receivers may still hold it.
    /// </summary>
    public void RollSecret(string protectedSecret, string secretHint, TimeSpan overlap, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, TimeSpan.Zero);
        PreviousProtectedSecret = overlap > TimeSpan.Zero ? ProtectedSecret : null;
        PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        ProtectedSecret = protectedSecret;
        SecretHint = secretHint;
        Version++;
    }

    /// <summary>The protected secrets a delivery made at <paramref name="now"/> is signed with: the current one first.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousProtectedSecret is { } previous && PreviousSecretExpiresAt > now ? [ProtectedSecret, previous] : [ProtectedSecret];

    /// <summary>The same secret, encrypted again under another key ring (the hint and the receivers' copy stay).</summary>
    public void ReprotectSecret(string protectedSecret)
    {
        ProtectedSecret = protectedSecret;
        Version++;
    }

    private void Apply(string url, string? description, IEnumerable<string> events, bool allowHttp)
    {
        var errors = new ValidationErrors();
        url = url?.Trim() ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add(nameof(Url), "Enter the full address, e.g. https://shop.example/webhooks/portal.");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !allowHttp)
        {
            errors.Add(nameof(Url), "The address must start with https://.");
        }
        else if (url.Length > UrlMaxLength)
        {
            errors.Add(nameof(Url), $"The address can have at most {UrlMaxLength} characters.");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add(nameof(Url), "The address cannot carry a user name, password or #fragment.");
        }
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (description?.Length > DescriptionMaxLength)
        {
            errors.Add(nameof(Description), $"The description can have at most {DescriptionMaxLength} characters.");
        }
        var chosen = (events ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            errors.Add(nameof(Events), "Choose at least one event.");
        }
        else if (chosen.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown)
        {
            errors.Add(nameof(Events), $"Unknown event \"{unknown}\".");
        }
        errors.ThrowIfAny();
        Url = url;
        Description = description;
        // Stored in the catalogue's order, whatever order they were ticked in.
        EventTypes = string.Join(',', WebhookEventTypes.All.Where(chosen.Contains));
    }
}
