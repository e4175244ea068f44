using Portal.Data;

namespace Portal.Invitations;

/// <summary>
/// The outcome of accepting an invitation: the new account, or why not. <see cref="LinkState"/> other than pending
/// means the link itself is unusable; <see cref="Errors"/> are the invitee's input to correct (a weak password).
/// </summary>
public sealed record AcceptedInvitation(PortalUser? User, InvitationLinkState LinkState, IReadOnlyList<string> Errors)
{
    public bool Succeeded => User is not null;
}
