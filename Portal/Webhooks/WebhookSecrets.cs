using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Webhooks;

/// <summary>
/// Endpoint secrets: made here, shown once, kept encrypted with Data Protection (keys persisted in the data folder, so
/// a restarted Portal can still sign) and decrypted only to sign a delivery. Never logged.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Webhooks.EndpointSecret.v1");

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

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
