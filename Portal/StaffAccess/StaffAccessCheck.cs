using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Identity;

namespace Portal.StaffAccess;

/// <summary>
/// Whether a signed-in staff member's claims still hold, asked of the database: a cookie says who someone was when they
/// signed in, and stays valid for a while after they were removed, moved to another role or reset their password.
/// Every change of that kind renews the member's security stamp (or deletes the member), so a stamp that still matches
/// means merchant and role in the claims are current.
/// </summary>
public sealed class StaffAccessCheck(IDbContextFactory<PortalDbContext> contexts, IOptions<IdentityOptions> identity)
{
    // Kept well under every provider's parameter limit for a list of user ids.
    private const int Chunk = 500;

    /// <summary>The staff member <paramref name="user"/> claims to be, if the database agrees they still are; else null.</summary>
    public async Task<StaffMember?> VerifyAsync(ClaimsPrincipal? user, CancellationToken cancellationToken = default)
    {
        if (StaffMember.From(user) is not { } staff)
        {
            return null;
        }
        var claimed = new StaffClaim(staff.UserId, staff.MerchantId, StampOf(user!));
        var stale = await StaleAsync([claimed], cancellationToken);
        return stale.Count == 0 ? staff : null;
    }

    /// <summary>The security stamp in <paramref name="user"/>'s cookie, as Identity put it there.</summary>
    public string? StampOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
    }

    /// <summary>Which of <paramref name="claims"/> no longer hold; read in a few queries, however many are asked.</summary>
    public async Task<HashSet<StaffClaim>> StaleAsync(IReadOnlyCollection<StaffClaim> claims, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var stale = new HashSet<StaffClaim>();
        if (claims.Count == 0)
        {
            return stale;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = new Dictionary<string, (Guid? MerchantId, StaffRole Role, string? Stamp)>(StringComparer.Ordinal);
        foreach (var ids in claims.Select(c => c.UserId).Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            var users = await db.Users.AsNoTracking()
                .Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.MerchantId, u.Role, u.SecurityStamp })
                .ToListAsync(cancellationToken);
            users.ForEach(u => current[u.Id] = (u.MerchantId, u.Role, u.SecurityStamp));
        }
        foreach (var claim in claims)
        {
            if (!current.TryGetValue(claim.UserId, out var now) || now.MerchantId != claim.MerchantId || claim.SecurityStamp is null ||
                now.Stamp != claim.SecurityStamp || !MayWatchPayments(now.Role))
            {
                stale.Add(claim);
            }
        }
        return stale;
    }

    // Every role sees the merchant's payments today; a role that may not (a future "bookkeeper") is refused here.
    private static bool MayWatchPayments(StaffRole role) => role is StaffRole.Viewer or StaffRole.Manager or StaffRole.Owner;
}
