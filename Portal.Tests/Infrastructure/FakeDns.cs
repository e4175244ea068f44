using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Portal.Webhooks;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// DNS, which is outside Portal, as a table the test writes: a name answers what it was last mapped to, so a test can
/// play a name that resolves somewhere public when saved and to 127.0.0.1 later (DNS rebinding). Unmapped names do
/// not resolve, as on this machine without internet.
/// </summary>
public sealed class FakeDns : IWebhookHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public void Map(string name, params string[] addresses) => _names[name] = addresses.Select(IPAddress.Parse).ToArray();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}
