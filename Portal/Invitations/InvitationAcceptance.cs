using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Merchants;

namespace Portal.Invitations;

/// <summary>
/// Opens and accepts invitation links. Scoped to a request: it shares the request's <see cref="PortalDbContext"/> with
/// Identity's <see cref="UserManager{TUser}"/>, so marking the invitation used and creating the account commit together.
/// </summary>
public sealed class InvitationAcceptance(PortalDbContext db, UserManager<PortalUser> users, TimeProvider time)
{
    public async Task<InvitationLookup> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return InvitationLookup.Invalid;
        }
        var merchantName = await db.Merchants.Where(m => m.Id == invitation.MerchantId).Select(m => m.Name)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        return new InvitationLookup(LinkStateOf(invitation), invitation.Email, invitation.Role, merchantName);
    }

    /// <summary>
    /// Creates the invitee's account with the name and password they chose and marks the invitation used; on any
    /// refusal (an unusable link, a password Identity's rules refuse) nothing is written.
    /// </summary>
    public Task<AcceptedInvitation> AcceptAsync(string? token, string displayName, string password,
        CancellationToken cancellationToken = default) =>
        // The whole acceptance is one unit for the provider's execution strategy: on SQL Server and PostgreSQL a dropped
        // connection is retried, and a strategy that retries cannot retry half of a transaction the code opened itself.
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            ct => AcceptOnceAsync(token, displayName, password, ct), cancellationToken);

    private async Task<AcceptedInvitation> AcceptOnceAsync(string? token, string displayName, string password,
        CancellationToken cancellationToken)
    {
        // A retry starts from what the database holds, not from what the failed attempt tracked.
        db.ChangeTracker.Clear();
        var invitation = await FindInvitationAsync(token, cancellationToken, tracked: true);
        if (invitation is null)
        {
            return new AcceptedInvitation(null, InvitationLinkState.Invalid, []);
        }
        if (LinkStateOf(invitation) is var state and not InvitationLinkState.Pending)
        {
            return new AcceptedInvitation(null, state, []);
        }
        var name = displayName?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            return new AcceptedInvitation(null, InvitationLinkState.Pending, ["Enter your name (up to 100 characters)."]);
        }

        var user = new PortalUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            // The invitee proved the address by opening the link mailed to it.
            EmailConfirmed = true,
            DisplayName = name,
            MerchantId = invitation.MerchantId,
            Role = invitation.Role,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        invitation.Accept(time.GetUtcNow());
        try
        {
            // The invitation first, under its version: a twin acceptance (a double click) waits here for the first to
            // commit and is then told the link is used. Had Identity gone first, its duplicate-name check would have told
            // the twin "the email is already taken" instead.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new AcceptedInvitation(null, InvitationLinkState.Used, []);
        }
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new AcceptedInvitation(null, InvitationLinkState.Pending, created.Errors.Select(e => e.Description).ToList());
        }
        await transaction.CommitAsync(cancellationToken);
        return new AcceptedInvitation(user, InvitationLinkState.Pending, []);
    }

    private InvitationLinkState LinkStateOf(StaffInvitation invitation) => invitation.StateAt(time.GetUtcNow()) switch
    {
        InvitationState.Accepted => InvitationLinkState.Used,
        InvitationState.Expired => InvitationLinkState.Expired,
        _ => InvitationLinkState.Pending,
    };

    private async Task<StaffInvitation?> FindInvitationAsync(string? token, CancellationToken cancellationToken, bool tracked = false)
    {
        if (!StaffInvitation.TryParseToken(token, out var id, out var secret))
        {
            return null;
        }
        var query = tracked ? db.StaffInvitations : db.StaffInvitations.AsNoTracking();
        var invitation = await query.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return invitation is not null && invitation.Matches(secret) ? invitation : null;
    }
}
