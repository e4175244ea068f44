namespace Portal.Domain.Rails;

/// <summary>
/// One HMAC key of the rail protocol, named by the id that travels in the signature header so that the receiver knows
/// which key to check with. A key past <see cref="NotAfter"/> no longer verifies: that ends a rotation's overlap window.
/// </summary>
public sealed record SigningKey
{
    public const int MinimumSecretLength = 32;

    public SigningKey(string id, string secret, DateTimeOffset? notAfter = null)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException("A key id is 1 to 64 letters, digits, '.', '_' or '-'.", nameof(id));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"A signing secret has at least {MinimumSecretLength} characters.", nameof(secret));
        }
        Id = id;
        Secret = secret;
        NotAfter = notAfter;
    }

    public string Id { get; }

    public string Secret { get; }

    /// <summary>Until when messages signed with this key are accepted; none for a key without end.</summary>
    public DateTimeOffset? NotAfter { get; }

    /// <summary>Ids are header tokens: no ',' or '=' that would confuse the header, no space, nothing to escape.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    // Records print their members: never a secret in a log or an exception message.
    public override string ToString() => $"SigningKey {Id}";
}
