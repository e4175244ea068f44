using System.Net;
using System.Net.Sockets;

namespace Portal.Identity.Lockout;

/// <summary>What counts as one client when failed sign-ins are counted: an IPv4 address, or an IPv6 /64.</summary>
public static class ClientAddress
{
    /// <summary>
    /// One IPv6 subscriber gets a whole /64 and can pick a new address from it per request; counting per address would
    /// let them try 2^64 times. IPv4 mapped into IPv6 is the IPv4 address it carries.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
