using System.Net;
using System.Net.Sockets;

namespace Portal.Webhooks;

/// <summary>
/// Where a webhook may go: the public internet only. An owner chooses the URL and reads what came back, so an endpoint
/// on loopback, a private network or the cloud's metadata address (169.254.169.254) would let them probe and reach
/// what stands behind Portal. The same rules judge a URL when it is saved and the address a delivery connects to.
/// </summary>
public static class WebhookAddressRules
{
    // IPv4 ranges that are not the public internet (RFC 6890 and friends): this network, private, CGNAT, loopback,
    // link-local (cloud metadata), IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    // IPv6: unspecified and loopback are single addresses (handled apart); unique local, link-local, site-local,
    // multicast, documentation, NAT64 (it embeds an IPv4 address that may be private), 6to4 and Teredo (likewise).
    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("64:ff9b::"), 96),
        (IPAddress.Parse("64:ff9b:1::"), 48),
        (IPAddress.Parse("2002::"), 16),
        (IPAddress.Parse("2001::"), 32),
        (IPAddress.Parse("100::"), 64),
    ];

    /// <summary>Whether a delivery may connect to <paramref name="address"/>: false for anything but the public internet.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !BlockedV4.Any(range => InRange(address, range.Network, range.Prefix));
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            return false;
        }
        // ::a.b.c.d, the deprecated IPv4-compatible form, reaches a.b.c.d on some stacks.
        var bytes = address.GetAddressBytes();
        if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }
        return !BlockedV6.Any(range => InRange(address, range.Network, range.Prefix));
    }

    /// <summary>
    /// Why a host name cannot be a webhook's, or null: names that mean this machine or a private network by convention
    /// (<c>localhost</c>, <c>*.localhost</c>, <c>*.local</c>, <c>*.internal</c>, <c>*.home.arpa</c>…) and single labels
    /// (<c>intranet</c>), which only a local resolver search list can answer.
    /// </summary>
    public static bool IsPublicName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0 || !name.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        string[] internalSuffixes = ["localhost", "local", "internal", "intranet", "lan", "home.arpa", "localdomain", "corp", "home"];
        return !internalSuffixes.Any(suffix => name == suffix || name.EndsWith("." + suffix, StringComparison.Ordinal));
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }
        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
