using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;

namespace Portal.Admin.Team;

/// <summary>The signed-in owner's own staff and pending invitations; never another merchant's.</summary>
public sealed class TeamQueries(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, TimeProvider time)
{
    public async Task<IReadOnlyList<TeamMember>> ListMembersAsync(CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => u.MerchantId == staff.MerchantId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        // Identity stores LockoutEnd as a DateTimeOffset the database cannot compare on SQLite: compared here.
        return users
            .Select(u => new TeamMember(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.TwoFactorEnabled,
                u.LockoutEnd is { } end && end > now, u.Id == staff.UserId))
            .OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<IReadOnlyList<PendingInvitation>> ListPendingInvitationsAsync(CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffInvitations.AsNoTracking()
            .Where(i => i.MerchantId == staff.MerchantId && i.AcceptedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.Email, i.Role, i.InvitedBy, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    private async Task<Identity.StaffMember> RequireOwnerAsync()
    {
        var staff = await currentStaff.GetAsync();
        return staff.CanManageMerchant ? staff : throw new ForbiddenException("Only an owner manages the team.");
    }
}
