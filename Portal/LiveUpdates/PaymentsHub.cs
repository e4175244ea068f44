using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Identity;
using Portal.StaffAccess;

namespace Portal.LiveUpdates;

/// <summary>
/// Live payment updates for clients outside a Blazor circuit (scripts, the benchmark, a merchant's own screens).
/// A checkout is watched by its unguessable token, as its page is reached; a merchant's stream only by its own staff,
/// as the database says they are at the join, and only as long as it keeps saying so (<see cref="StaffAccessChanges"/>).
/// </summary>
public sealed class PaymentsHub(
    IDbContextFactory<PortalDbContext> contexts,
    StaffAccessCheck access,
    MerchantHubWatchers merchantWatchers) : Hub<IPaymentsClient>
{
    public const string Path = "/hubs/payments";

    /// <summary>
    /// Unknown checkout tokens one connection may ask for before it is closed: a client that watches its own checkouts
    /// never meets it, one that guesses tokens must reconnect (and pass the connection rate limits) every few tries.
    /// </summary>
    public const int MaxUnknownCheckouts = 10;

    private const string UnknownCheckoutsKey = "unknown-checkouts";

    public static string CheckoutGroup(string token) => $"checkout:{token}";

    public static string MerchantGroup(Guid merchantId) => $"merchant:{merchantId}";

    public async Task WatchCheckout(string token)
    {
        // One answer for a malformed token and for a well-formed one that names no checkout: neither says more.
        if (!CheckoutToken.IsWellFormed(token) || !await CheckoutExistsAsync(token))
        {
            var unknown = Context.Items.TryGetValue(UnknownCheckoutsKey, out var count) ? (int)count! + 1 : 1;
            Context.Items[UnknownCheckoutsKey] = unknown;
            if (unknown >= MaxUnknownCheckouts)
            {
                Context.Abort();
            }
            throw new HubException("Unknown checkout.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, CheckoutGroup(token));
    }

    [Authorize(Policy = PortalPolicies.Staff)]
    public async Task WatchMerchant()
    {
        // The merchant comes from the caller's own claims, never from an argument: no one can subscribe to another's.
        var staff = StaffMember.From(Context.User) ?? throw new HubException("Not a staff member.");
        // Registered before the check: a removal saved after the check read the database still finds this connection.
        merchantWatchers.Add(new MerchantHubWatcher(Context.ConnectionId,
            new StaffClaim(staff.UserId, staff.MerchantId, access.StampOf(Context.User!)), Context));
        if (await access.VerifyAsync(Context.User, Context.ConnectionAborted) is null)
        {
            merchantWatchers.Remove(Context.ConnectionId);
            throw new HubException("Not a staff member.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, MerchantGroup(staff.MerchantId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        merchantWatchers.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<bool> CheckoutExistsAsync(string token)
    {
        await using var db = await contexts.CreateDbContextAsync(Context.ConnectionAborted);
        return await db.Checkouts.AnyAsync(c => c.Token == token, Context.ConnectionAborted);
    }
}
