using System.Net;

namespace Portal.Proxy;

/// <summary>
/// Section "ForwardedHeaders": the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto Portal believes. Any
/// client can send those headers; only a proxy Portal knows may say who the client is and whether it came over TLS.
/// Nothing listed: no forwarded header is believed.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>The proxies' own addresses (IPv4 or IPv6), e.g. <c>10.0.0.5</c>. Defaults to none.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/8</c>. Defaults to none.</summary>
    public IReadOnlyList<string> KnownNetworks { get; set; } = [];

    public bool TrustsAny => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> ProxyAddresses() => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> ProxyNetworks() => KnownNetworks.Select(n => IPNetwork.Parse(n));

    /// <summary>The entries that are no address or no network, each in a sentence naming its setting.</summary>
    public IEnumerable<string> Errors() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{Section}:{nameof(KnownProxies)}: \"{p}\" is not an IP address, e.g. 10.0.0.5.")
            .Concat(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
                .Select(n => $"{Section}:{nameof(KnownNetworks)}: \"{n}\" is not a network in CIDR notation, e.g. 10.0.0.0/8."));

    /// <summary>
    /// Reads the section. Each setting is a list (<c>KnownProxies:0</c>, a JSON array) or one value with entries
    /// separated by commas (<c>ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6</c>, the usual shape of an environment
    /// variable), which the configuration binder would silently read as an empty list: trusting nobody without a word.
    /// </summary>
    public void Read(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        KnownProxies = Entries(section.GetSection(nameof(KnownProxies)));
        KnownNetworks = Entries(section.GetSection(nameof(KnownNetworks)));
    }

    private static List<string> Entries(IConfigurationSection setting) =>
        (setting.Value is { } single ? [single] : setting.GetChildren().Select(child => child.Value ?? ""))
            .SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
