using System.Text;
using Microsoft.AspNetCore.SignalR;
using Portal.Bus;
using Portal.LiveUpdates;

namespace Portal.StaffAccess;

/// <summary>
/// Makes a change of a staff member's access (removed, another role, a renewed security stamp) take effect at once on
/// every instance: each drops the member's live-updates hub connections whose claims the database no longer backs, and
/// re-checks the member's open admin pages, which sign out when their cookie is stale. Whoever makes such a change
/// calls <see cref="ChangedAsync"/> after saving it; <see cref="StaffAccessRecheck"/> catches what nobody told.
/// </summary>
public sealed class StaffAccessChanges(
    StaffAccessCheck check,
    MerchantHubWatchers hubWatchers,
    IHubContext<PaymentsHub, IPaymentsClient> hub,
    IPortalBus bus,
    ILogger<StaffAccessChanges> logger)
{
    /// <summary>A user id is an Identity key of at most 450 characters; a longer message is not one of ours.</summary>
    internal const int MaxUserIdBytes = 450 * 4;

    private readonly WatcherRegistry<string> _circuits = new();

    /// <summary>An open admin page of <paramref name="userId"/>: <paramref name="recheck"/> runs when their access changed.</summary>
    public IDisposable WatchUser(string userId, Func<string, Task> recheck) => _circuits.Watch(userId, recheck);

    /// <summary>Tells every instance that <paramref name="userId"/>'s access changed; here, waits until it took effect.</summary>
    public async Task ChangedAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (bus.IsEnabled)
        {
            bus.Publish(BusTopic.StaffAccessChanged, Encoding.UTF8.GetBytes(userId));
        }
        await RecheckHereAsync(userId, cancellationToken);
    }

    internal async Task RecheckHereAsync(string userId, CancellationToken cancellationToken)
    {
        await DropStaleAsync(hubWatchers.OfUser(userId), cancellationToken);
        var circuits = new List<Task>();
        _circuits.Notify(userId, userId, circuits);
        try
        {
            await Task.WhenAll(circuits);
        }
        catch (Exception ex)
        {
            // The circuit's own timer re-checks it within StaffAccess:RecheckInterval.
            StaffAccessLog.CircuitRecheckFailed(logger, userId, ex);
        }
    }

    /// <summary>Drops those of <paramref name="watchers"/> whose claims the database no longer backs.</summary>
    internal async Task DropStaleAsync(IReadOnlyCollection<MerchantHubWatcher> watchers, CancellationToken cancellationToken)
    {
        if (watchers.Count == 0)
        {
            return;
        }
        var stale = await check.StaleAsync([.. watchers.Select(w => w.Staff)], cancellationToken);
        foreach (var watcher in watchers.Where(w => stale.Contains(w.Staff)))
        {
            hubWatchers.Remove(watcher.ConnectionId);
            // Out of the group first, so no payment sent while the connection closes reaches it; then closed, so a
            // client that would stay connected to watch its checkouts learns it must sign in again.
            await hub.Groups.RemoveFromGroupAsync(watcher.ConnectionId, PaymentsHub.MerchantGroup(watcher.Staff.MerchantId), cancellationToken);
            watcher.Connection.Abort();
            StaffAccessLog.HubConnectionDropped(logger, watcher.Staff.UserId, watcher.Staff.MerchantId);
        }
    }
}
