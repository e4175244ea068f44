using Portal.Domain.Common;

namespace Portal.Domain.ApiKeys;

/// <summary>
/// A merchant's key to the API, with the scopes its owner chose. Only a salted hash of the secret is stored; the key's
/// id travels inside the secret (<c>psk_</c> + id + random part), so a request finds its row without comparing hashes
/// across the table, and a copy of the database cannot be used to call the API.
/// </summary>
public sealed class ApiKey
{
    public const string SecretPrefix = "psk_";
    public const int NameMaxLength = 100;

    private const int IdLength = 32;
    private const int SecretBytes = 32;

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public Guid MerchantId { get; private set; }

    public string Name { get; private set; } = "";

    public ApiScopes Scopes { get; private set; }

    /// <summary>The first characters of the secret, enough for staff to tell keys apart and to find one in their config.</summary>
    public string Hint { get; private set; } = "";

    public string SecretSalt { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Last successful use, recorded at most about once a minute so that busy keys do not write on every call.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsActive => RevokedAt is null;

    public static IssuedApiKey Issue(Guid merchantId, string name, ApiScopes scopes, string createdBy, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var secret = SecretPrefix + id.ToString("N") + SaltedSecret.NewSecret(SecretBytes);
        return new IssuedApiKey(Create(id, merchantId, name, scopes, secret, createdBy, now), secret);
    }

    /// <summary>
    /// DEMO ONLY. A key whose secret is given, not drawn: the Development demo seed uses it so that the sample shop, which
    /// ships the same published secret in its appsettings.Development.json, works with no setup. Anyone can read that
    /// secret, so nothing else may call this; real keys come from <see cref="Issue"/>.
    /// </summary>
    public static ApiKey CreateDemoKeyWithPublishedSecret(Guid merchantId, string name, ApiScopes scopes, string publishedSecret,
        string createdBy, DateTimeOffset now) =>
        TryReadId(publishedSecret, out var id)
            ? Create(id, merchantId, name, scopes, publishedSecret, createdBy, now)
            : throw new ArgumentException($"A key secret is {SecretPrefix} + a 32-digit hex id + more characters.", nameof(publishedSecret));

    private static ApiKey Create(Guid id, Guid merchantId, string name, ApiScopes scopes, string secret, string createdBy, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(nameof(Name), "Give the key a name that says where it is used, e.g. \"Web shop\".");
        }
        else if (trimmed.Length > NameMaxLength)
        {
            errors.Add(nameof(Name), $"The name may be at most {NameMaxLength} characters.");
        }
        if (scopes == ApiScopes.None || (scopes & ~ApiScopes.All) != 0)
        {
            errors.Add(nameof(Scopes), "Choose at least one scope.");
        }
        errors.ThrowIfAny();

        var salt = SaltedSecret.NewSalt();
        return new ApiKey
        {
            Id = id,
            MerchantId = merchantId,
            Name = trimmed,
            Scopes = scopes,
            Hint = secret[..(SecretPrefix.Length + 8)],
            SecretSalt = salt,
            SecretHash = SaltedSecret.Hash(salt, secret),
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    /// <summary>The key id a presented secret names; false for anything that is not shaped like one of ours.</summary>
    public static bool TryReadId(string? secret, out Guid id)
    {
        id = Guid.Empty;
        return secret is not null && secret.Length > SecretPrefix.Length + IdLength && secret.Length <= 200 &&
            secret.StartsWith(SecretPrefix, StringComparison.Ordinal) &&
            Guid.TryParseExact(secret.AsSpan(SecretPrefix.Length, IdLength), "N", out id);
    }

    /// <summary>Whether the presented secret is this key's (constant time).</summary>
    public bool Matches(string secret) => SaltedSecret.Matches(SecretSalt, SecretHash, secret);

    /// <summary>Records a use; true when the time changed enough to be worth a write.</summary>
    public bool Touch(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1))
        {
            return false;
        }
        LastUsedAt = now;
        Version++;
        return true;
    }

    /// <summary>Stops the key from working at once; revoking twice keeps the first time.</summary>
    public void Revoke(string by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return;
        }
        RevokedAt = now;
        RevokedBy = by;
        Version++;
    }
}
