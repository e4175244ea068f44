using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Webhooks;

/// <summary>
/// Endpoint secrets: made here, shown once, kept encrypted with Data Protection (Portal's key ring, in its database, so
/// a restarted Portal or another instance can still sign) and decrypted only to sign a delivery. Never logged.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";

    /// <summary>The purpose the secrets are protected for, apart from cookies and tokens on the same ring.</summary>
    public const string Purpose = "Portal.Webhooks.EndpointSecret.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>A new secret (prefix + 32 random bytes), its protected form and its hint.</summary>
    public (string Secret, string Protected, string Hint) Create()
    {
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var (protectedSecret, hint) = Protect(secret);
        return (secret, protectedSecret, hint);
    }

    /// <summary>
    /// The protected form and hint of a given secret: for a known one such as the demo's seeded endpoint
    /// (<c>WebhookEndpoint.Create(…, Protect(secret)…)</c>); real endpoints get theirs from <see cref="Create"/>.
    /// </summary>
    public (string Protected, string Hint) Protect(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return (_protector.Protect(secret), secret[..Math.Min(secret.Length, Prefix.Length + 4)] + "…");
    }

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>Whether this ring can read the protected form (false for one made under another ring).</summary>
    public bool CanUnprotect(string protectedSecret)
    {
        try
        {
            _protector.Unprotect(protectedSecret);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
