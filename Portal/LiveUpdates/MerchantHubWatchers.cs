using System.Collections.Concurrent;

namespace Portal.LiveUpdates;

/// <summary>
/// The hub connections of this instance that watch a merchant, kept so that a member who loses access can be cut off
/// here at once: SignalR's groups say who receives, not who asked, and another instance's connections are that
/// instance's to drop (each hears of the change over the bus).
/// </summary>
public sealed class MerchantHubWatchers
{
    private readonly ConcurrentDictionary<string, MerchantHubWatcher> _byConnection = new(StringComparer.Ordinal);

    public void Add(MerchantHubWatcher watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        _byConnection[watcher.ConnectionId] = watcher;
    }

    public void Remove(string connectionId) => _byConnection.TryRemove(connectionId, out _);

    /// <summary>The connections <paramref name="userId"/> watches with. A walk over all: for a change of one member's access, not per push.</summary>
    public List<MerchantHubWatcher> OfUser(string userId) => [.. _byConnection.Values.Where(w => w.Staff.UserId == userId)];

    public List<MerchantHubWatcher> All() => [.. _byConnection.Values];
}
