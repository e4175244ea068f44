using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Rails;

/// <summary>
/// HMAC-SHA256 over <c>timestamp "." nonce "." body</c>, the exact bytes sent. Signing the bytes, not a re-serialised
/// object, leaves no room for two sides to canonicalise differently; the timestamp bounds replays in time and the
/// nonce (the order id for orders) lets the receiver refuse a replay within that window.
/// </summary>
public sealed class MessageSigner
{
    public const string TimestampHeader = "X-Portal-Timestamp";
    public const string NonceHeader = "X-Portal-Nonce";
    public const string SignatureHeader = "X-Portal-Signature";

    private readonly byte[] _key;

    public MessageSigner(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (secret.Length < 32)
        {
            throw new ArgumentException("A signing secret has at least 32 characters.", nameof(secret));
        }
        _key = Encoding.UTF8.GetBytes(secret);
    }

    public static string FormatTimestamp(DateTimeOffset at) =>
        at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Payload(timestamp, nonce, body), mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>Checks the signature in constant time and the timestamp against the allowed clock skew.</summary>
    public SignatureCheck Verify(string? timestamp, string? nonce, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature) ||
            nonce.Length > 100 ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Malformed;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, Payload(timestamp, nonce, body), expected);
        Span<byte> given = stackalloc byte[32];
        if (signature.Length != 64 || Convert.FromHexString(signature, given, out _, out var written) != OperationStatus.Done ||
            written != 32 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SignatureCheck.BadSignature;
        }

        var sentAt = seconds > 253402300799 ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (now - sentAt).Duration() > tolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    private static byte[] Payload(string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.{nonce}.");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return payload;
    }
}
