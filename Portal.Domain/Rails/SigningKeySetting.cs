namespace Portal.Domain.Rails;

/// <summary>
/// A signing key as configured (<c>Rail:SigningKeys:0:Id</c>, <c>:Secret</c>, <c>:NotAfter</c>, and the same under
/// <c>SandboxBank</c>), bound by both Portal and the bank, which read the protocol's settings alike.
/// </summary>
public sealed class SigningKeySetting
{
    public string? Id { get; set; }

    public string? Secret { get; set; }

    /// <summary>Until when the key still verifies (the end of a rotation's overlap). Defaults to none.</summary>
    public DateTimeOffset? NotAfter { get; set; }

    /// <summary>
    /// The keys a section configures: its <c>SigningKeys</c> in order (the first signs, all verify until their
    /// <c>NotAfter</c>), or else its single <c>SigningSecret</c> as key <see cref="MessageSigner.DefaultKeyId"/>, which is
    /// how configurations written before key ids keep working.
    /// </summary>
    public static IReadOnlyList<SigningKey> Keys(string? secret, IReadOnlyList<SigningKeySetting>? keys) =>
        keys is { Count: > 0 }
            ? keys.Select(k => new SigningKey(k.Id!, k.Secret!, k.NotAfter)).ToList()
            : [new SigningKey(MessageSigner.DefaultKeyId, secret!)];

    /// <summary>What is wrong with a section's keys, each a sentence naming the setting; empty when they are usable.</summary>
    public static IEnumerable<string> Problems(string section, string? secret, IReadOnlyList<SigningKeySetting>? keys)
    {
        if (keys is not { Count: > 0 })
        {
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < SigningKey.MinimumSecretLength)
            {
                yield return $"{section}:SigningSecret (or {section}:SigningKeys) is required: a secret of at least " +
                             $"{SigningKey.MinimumSecretLength} characters.";
            }
            yield break;
        }
        // Both set would leave the reader guessing which one signs.
        if (!string.IsNullOrEmpty(secret))
        {
            yield return $"{section}:SigningSecret and {section}:SigningKeys are both set; keep only {section}:SigningKeys " +
                         $"(the old secret as a key with id '{MessageSigner.DefaultKeyId}' and a NotAfter).";
        }
        for (var i = 0; i < keys.Count; i++)
        {
            if (!SigningKey.IsValidId(keys[i].Id))
            {
                yield return $"{section}:SigningKeys:{i}:Id must be 1 to 64 letters, digits, '.', '_' or '-'.";
            }
            if (string.IsNullOrWhiteSpace(keys[i].Secret) || keys[i].Secret!.Length < SigningKey.MinimumSecretLength)
            {
                yield return $"{section}:SigningKeys:{i}:Secret must be at least {SigningKey.MinimumSecretLength} characters.";
            }
        }
        if (keys[0].NotAfter is not null)
        {
            yield return $"{section}:SigningKeys:0 is the key that signs; give it no NotAfter (only older keys end).";
        }
        if (keys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            yield return $"{section}:SigningKeys has two keys with the same Id.";
        }
    }
}
