using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Portal.Domain.Checkouts;
using Portal.Identity;

namespace Portal.LiveUpdates;

/// <summary>
/// Live payment updates for clients outside a Blazor circuit (scripts, the benchmark, a merchant's own screens).
/// A checkout is watched by its unguessable token, as its page is reached; a merchant's stream only by its own staff.
/// </summary>
public sealed class PaymentsHub : Hub<IPaymentsClient>
{
    public const string Path = "/hubs/payments";

    public static string CheckoutGroup(string token) => $"checkout:{token}";

    public static string MerchantGroup(Guid merchantId) => $"merchant:{merchantId}";

    public async Task WatchCheckout(string token)
    {
        if (!CheckoutToken.IsWellFormed(token))
        {
            throw new HubException("Unknown checkout.");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, CheckoutGroup(token));
    }

    [Authorize(Policy = PortalPolicies.Staff)]
    public async Task WatchMerchant()
    {
        // The merchant comes from the caller's own claims, never from an argument: no one can subscribe to another's.
        var staff = StaffMember.From(Context.User) ?? throw new HubException("Not a staff member.");
        await Groups.AddToGroupAsync(Context.ConnectionId, MerchantGroup(staff.MerchantId));
    }
}
