using Microsoft.AspNetCore.SignalR;
using Portal.StaffAccess;

namespace Portal.LiveUpdates;

/// <summary>A connection of this instance in a merchant's group of <see cref="PaymentsHub"/>, and who opened it.</summary>
public sealed record MerchantHubWatcher(string ConnectionId, StaffClaim Staff, HubCallerContext Connection);
