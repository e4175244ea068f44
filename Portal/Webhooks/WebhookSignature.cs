using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Webhooks;

/// <summary>
/// The <c>Portal-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.body")&gt;</c>. The timestamp
/// is inside the signed text, so a receiver that checks its age refuses a replayed old delivery. While a rolled secret's
/// previous value is still valid, the header carries one <c>v1</c> per secret (<c>t=…,v1=&lt;new&gt;,v1=&lt;old&gt;</c>, as
/// Stripe does): a receiver accepts the delivery when any of them matches its secret.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Portal-Signature";

    public static string Create(string secret, DateTimeOffset timestamp, string body) => Create([secret], timestamp, body);

    /// <summary>One timestamp and a signature per secret, in the order given.</summary>
    public static string Create(IReadOnlyList<string> secrets, DateTimeOffset timestamp, string body)
    {
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count);
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t}," + string.Join(',', secrets.Select(secret => $"v1={Compute(secret, t, body)}"));
    }

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with the secret within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        string? t = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }
            if (pair[0].Trim() == "t")
            {
                t = pair[1].Trim();
            }
            else if (pair[0].Trim() == "v1")
            {
                signatures.Add(pair[1].Trim());
            }
        }
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }

    private static string Compute(string secret, string t, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
}
