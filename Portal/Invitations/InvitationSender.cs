using Microsoft.EntityFrameworkCore;
using Portal.Addresses;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Email;

namespace Portal.Invitations;

/// <summary>
/// Invites someone to a merchant's staff: stores the invitation (its token only as a salted hash), mails the link and
/// hands it back once for the inviter to copy. Owners invite to their own merchant; the platform operator invites a new
/// merchant's first owner. Who may invite where is checked by the caller, which knows who is asking.
/// </summary>
public sealed class InvitationSender(IDbContextFactory<PortalDbContext> contexts, IStaffMailer mailer, TimeProvider time)
{
    public async Task<SentInvitation> SendAsync(Guid merchantId, string email, StaffRole role, string invitedBy, PublicLinks links,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var now = time.GetUtcNow();
        var issued = StaffInvitation.Issue(merchantId, email, role, invitedBy, now);
        var invitation = issued.Invitation;

        string merchantName;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            merchantName = await db.Merchants.Where(m => m.Id == merchantId).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("The merchant");
            var normalized = invitation.Email.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken))
            {
                throw new DomainValidationException(nameof(StaffInvitation.Email),
                    "Someone with this email already has a Portal account.");
            }
            db.StaffInvitations.Add(invitation);
            await db.SaveChangesAsync(cancellationToken);
        }

        var link = links.InvitationPage(issued.Token).AbsoluteUri;
        await mailer.SendAsync(new StaffEmail(invitation.Email, $"You are invited to {merchantName} on Portal",
            $"{invitedBy} invited you to join {merchantName} on Portal as {role}.\n\nOpen the link below to choose your name " +
            $"and password. It can be used once, until {invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC.", link), cancellationToken);
        return new SentInvitation(invitation.Id, invitation.Email, role, link, invitation.ExpiresAt);
    }
}
