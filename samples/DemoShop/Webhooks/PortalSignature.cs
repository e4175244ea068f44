using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DemoShop.Webhooks;

/// <summary>
/// Checks Portal's <c>Portal-Signature</c> header, <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>,
/// the way any receiver should: over the raw body as received, in constant time, and only within a few minutes of the
/// signing time, so that a captured delivery cannot be replayed later.
/// </summary>
public static class PortalSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsValid(string? header, string body, string secret, DateTimeOffset now)
    {
        // "t=1764067200,v1=5d41…": one timestamp and one or more signatures, any of which may match.
        var fields = (header ?? "").Split(',', StringSplitOptions.TrimEntries)
            .Select(field => field.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToList();
        var timestamp = fields.FirstOrDefault(pair => pair[0] == "t")?[1];
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        return fields.Where(pair => pair[0] == "v1").Any(pair =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(pair[1])));
    }
}
