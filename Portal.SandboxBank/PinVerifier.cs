using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Portal.SandboxBank;

/// <summary>
/// Hashes PINs with salted PBKDF2-SHA256 (<c>pbkdf2-sha256$iterations$salt$hash</c>, base64) and checks them.
/// </summary>
/// <remarks>
/// PBKDF2 at 100,000 iterations costs tens of milliseconds of CPU by design, which would cap a 2-core bank at a few
/// dozen payments a second. So a successful check is remembered for a short while, in memory only, under a key that
/// is an HMAC with a random per-process secret of account, PIN and stored hash: the cache holds neither PINs nor
/// anything that could be brute-forced offline, it dies with the process, a changed PIN (new hash) misses it, and
/// wrong PINs are never cached, so guessing still pays the full PBKDF2 price on every attempt.
/// </remarks>
public sealed class PinVerifier(IOptions<SandboxBankOptions> options, TimeProvider time)
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MaxCachedChecks = 50_000;

    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, long> _verified = new(StringComparer.Ordinal);

    public string Hash(string pin)
    {
        ArgumentException.ThrowIfNullOrEmpty(pin);
        var iterations = options.Value.PinHashIterations;
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(pin, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public bool Verify(string account, string pin, string? pinHash)
    {
        if (string.IsNullOrEmpty(pinHash) || string.IsNullOrEmpty(pin))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcTicks;
        var cacheKey = CacheKey(account, pin, pinHash);
        if (_verified.TryGetValue(cacheKey, out var expires) && expires > now)
        {
            return true;
        }

        if (!Matches(pin, pinHash))
        {
            return false;
        }

        var lifetime = options.Value.VerifiedPinCacheLifetime;
        if (lifetime > TimeSpan.Zero)
        {
            if (_verified.Count >= MaxCachedChecks)
            {
                Evict(now);
            }
            _verified[cacheKey] = now + lifetime.Ticks;
        }
        return true;
    }

    private static bool Matches(string pin, string pinHash)
    {
        var parts = pinHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Rfc2898DeriveBytes.Pbkdf2(pin, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private string CacheKey(string account, string pin, string pinHash)
    {
        var mac = HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes($"{account}:{pin}:{pinHash}"));
        return Convert.ToBase64String(mac);
    }

    // Bounded: drop what has expired, and if that is not enough, forget everything (it only costs a PBKDF2 each).
    private void Evict(long now)
    {
        foreach (var entry in _verified)
        {
            if (entry.Value <= now)
            {
                _verified.TryRemove(entry.Key, out _);
            }
        }
        if (_verified.Count >= MaxCachedChecks)
        {
            _verified.Clear();
        }
    }
}
