using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Common;

/// <summary>
/// Hashing for high-entropy secrets Portal issues (invitation tokens, API keys): 256 random bits need no slow hash,
/// only a salt so that equal secrets never share a stored value, and a constant-time comparison.
/// </summary>
public static class SaltedSecret
{
    public static string NewSalt() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>A URL-safe random string of <paramref name="bytes"/> random bytes.</summary>
    public static string NewSecret(int bytes = 32) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string salt, string secret)
    {
        var saltBytes = Convert.FromBase64String(salt);
        var bytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[saltBytes.Length + bytes.Length];
        saltBytes.CopyTo(input, 0);
        bytes.CopyTo(input, saltBytes.Length);
        return Convert.ToHexString(SHA256.HashData(input));
    }

    public static bool Matches(string salt, string hash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(salt, secret)), Encoding.ASCII.GetBytes(hash));
}
