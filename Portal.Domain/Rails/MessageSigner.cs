using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Rails;

/// <summary>
/// HMAC-SHA256 over <c>"portal-rail-2" LF key id LF timestamp LF nonce LF scope LF body</c>, where the scope is a
/// request's method and target, or an answer's status and the method and target it answers (<see cref="MessageScope"/>),
/// and the body is the exact bytes sent. Signing the bytes, not a re-serialised object, leaves no room for two sides to
/// canonicalise differently; the timestamp bounds replays in time and the nonce (the order id for orders) lets the
/// receiver refuse a replay within that window. The signature header reads <c>keyId=…,sig=…</c>: the first key signs,
/// every key verifies until its <see cref="SigningKey.NotAfter"/>, so keys rotate with an overlap.
/// </summary>
public sealed class MessageSigner
{
    public const string TimestampHeader = "X-Portal-Timestamp";
    public const string NonceHeader = "X-Portal-Nonce";
    public const string SignatureHeader = "X-Portal-Signature";

    /// <summary>The id of the key a single <c>SigningSecret</c> setting configures.</summary>
    public const string DefaultKeyId = "default";

    private const string Version = "portal-rail-2";

    private readonly SigningKey _current;
    private readonly Dictionary<string, (SigningKey Key, byte[] Bytes)> _keys;

    /// <summary>A signer with one key, <see cref="DefaultKeyId"/>.</summary>
    public MessageSigner(string secret) : this([new SigningKey(DefaultKeyId, secret)])
    {
    }

    /// <summary>The first key signs; all verify until their <see cref="SigningKey.NotAfter"/>.</summary>
    public MessageSigner(IReadOnlyList<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("A signer needs a key.", nameof(keys));
        }
        _current = keys[0];
        _keys = new Dictionary<string, (SigningKey, byte[])>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_keys.TryAdd(key.Id, (key, Encoding.UTF8.GetBytes(key.Secret))))
            {
                throw new ArgumentException($"Two keys have the id '{key.Id}'.", nameof(keys));
            }
        }
    }

    /// <summary>The id of the key that signs.</summary>
    public string KeyId => _current.Id;

    public static string FormatTimestamp(DateTimeOffset at) =>
        at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The signature header's value: <c>keyId=…,sig=</c> 64 lowercase hex digits.</summary>
    public string Sign(MessageScope scope, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        Mac(_keys[_current.Id].Bytes, _current.Id, scope, timestamp, nonce, body, mac);
        return $"keyId={_current.Id},sig={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>
    /// Checks the signature in constant time against the key it names, that key's window, and the timestamp against
    /// the allowed clock skew.
    /// </summary>
    public SignatureCheck Verify(MessageScope scope, string? timestamp, string? nonce, string? signature,
        ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature) ||
            nonce.Length > 100 || nonce.Contains('\n') ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            !TryParse(signature, out var keyId, out var hex))
        {
            return SignatureCheck.Malformed;
        }
        if (!_keys.TryGetValue(keyId, out var key) || key.Key.NotAfter < now)
        {
            return SignatureCheck.UnknownKey;
        }

        Span<byte> expected = stackalloc byte[32];
        Mac(key.Bytes, keyId, scope, timestamp, nonce, body, expected);
        Span<byte> given = stackalloc byte[32];
        if (hex.Length != 64 || Convert.FromHexString(hex, given, out _, out var written) != OperationStatus.Done ||
            written != 32 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SignatureCheck.BadSignature;
        }

        var sentAt = seconds > 253402300799 ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (now - sentAt).Duration() > tolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    // keyId=…,sig=… in that order, nothing else: one way to write it, so nothing to canonicalise.
    private static bool TryParse(string header, out string keyId, out ReadOnlySpan<char> hex)
    {
        keyId = "";
        hex = default;
        var span = header.AsSpan().Trim();
        const string keyPrefix = "keyId=", sigPrefix = ",sig=";
        if (!span.StartsWith(keyPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        span = span[keyPrefix.Length..];
        var comma = span.IndexOf(sigPrefix, StringComparison.Ordinal);
        if (comma <= 0)
        {
            return false;
        }
        keyId = span[..comma].ToString();
        hex = span[(comma + sigPrefix.Length)..];
        return SigningKey.IsValidId(keyId);
    }

    private static void Mac(byte[] key, string keyId, MessageScope scope, string timestamp, string nonce,
        ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}\n{keyId}\n{timestamp}\n{nonce}\n{scope.Canonical}\n"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }
}
