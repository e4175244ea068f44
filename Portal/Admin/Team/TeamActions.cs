using Microsoft.EntityFrameworkCore;
using Portal.Addresses;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Invitations;
using Portal.StaffAccess;

namespace Portal.Admin.Team;

/// <summary>
/// What an owner does to the team: invite, change a role, remove. Every member is looked up within the owner's own
/// merchant (another merchant's member reads as not found), and a merchant always keeps at least one owner.
/// </summary>
public sealed class TeamActions(IDbContextFactory<PortalDbContext> contexts, CurrentStaff currentStaff, InvitationSender invitations,
    IAuditLog audit, StaffAccessChanges accessChanges)
{
    public async Task<SentInvitation> InviteAsync(string email, StaffRole role, PublicLinks links, CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        var sent = await invitations.SendAsync(staff.MerchantId, email, role, staff.Email, links, cancellationToken);
        await audit.RecordAsync(staff, AuditActions.StaffInvited, $"Invited {email.Trim()} as {role}", "Staff", email.Trim(),
            new { role = role.ToString() }, cancellationToken);
        return sent;
    }

    public async Task ChangeRoleAsync(string userId, StaffRole role, CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        if (!Enum.IsDefined(role))
        {
            throw new DomainValidationException(nameof(PortalUser.Role), "Choose Owner, Manager or Viewer.");
        }
        if (userId == staff.UserId)
        {
            throw new DomainException("You cannot change your own role; another owner can.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindMemberAsync(db, staff.MerchantId, userId, cancellationToken);
        if (member.Role == role)
        {
            return;
        }
        if (member.Role == StaffRole.Owner)
        {
            await EnsureAnotherOwnerAsync(db, staff.MerchantId, member.Id, cancellationToken);
        }
        var before = member.Role;
        member.Role = role;
        // A new stamp makes the member's open sessions take up the new role (Identity revalidates on the stamp).
        member.SecurityStamp = Guid.NewGuid().ToString();
        await SaveAsync(db, cancellationToken);
        await accessChanges.ChangedAsync(member.Id, cancellationToken);
        await audit.RecordAsync(staff, AuditActions.StaffRoleChanged, $"Changed {member.Email}'s role from {before} to {role}",
            "Staff", member.Id, new { from = before.ToString(), to = role.ToString() }, cancellationToken);
    }

    public async Task RemoveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var staff = await RequireOwnerAsync();
        if (userId == staff.UserId)
        {
            throw new DomainException("You cannot remove yourself; another owner can.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindMemberAsync(db, staff.MerchantId, userId, cancellationToken);
        if (member.Role == StaffRole.Owner)
        {
            await EnsureAnotherOwnerAsync(db, staff.MerchantId, member.Id, cancellationToken);
        }
        db.Users.Remove(member);
        await SaveAsync(db, cancellationToken);
        // Their open pages and live-update connections, on every instance, stop showing the merchant now, not at the next check.
        await accessChanges.ChangedAsync(member.Id, cancellationToken);
        await audit.RecordAsync(staff, AuditActions.StaffRemoved, $"Removed {member.Email} ({member.Role}) from the team",
            "Staff", member.Id, cancellationToken: cancellationToken);
    }

    private static async Task<PortalUser> FindMemberAsync(PortalDbContext db, Guid merchantId, string userId, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.MerchantId == merchantId, cancellationToken)
            ?? throw new NotFoundException("The team member");

    private static async Task EnsureAnotherOwnerAsync(PortalDbContext db, Guid merchantId, string leavingOwnerId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.MerchantId == merchantId && u.Role == StaffRole.Owner && u.Id != leavingOwnerId, cancellationToken))
        {
            throw new DomainException("A merchant keeps at least one owner: make someone else an owner first.");
        }
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("The member was changed meanwhile.", ex);
        }
    }

    private async Task<Identity.StaffMember> RequireOwnerAsync()
    {
        var staff = await currentStaff.GetAsync();
        return staff.CanManageMerchant ? staff : throw new ForbiddenException("Only an owner manages the team.");
    }
}
