namespace Portal.Invitations;

/// <summary>Whether an invitation link can be used; an unknown, forged or malformed link is simply invalid.</summary>
public enum InvitationLinkState
{
    Pending,
    Invalid,
    Expired,
    Used,
}
