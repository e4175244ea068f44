using Portal.Domain.Merchants;

namespace Portal.Invitations;

/// <summary>What an invitation link leads to: a pending invitation's details, or why it cannot be used.</summary>
public sealed record InvitationLookup(InvitationLinkState State, string Email = "", StaffRole Role = StaffRole.Viewer, string MerchantName = "")
{
    public static readonly InvitationLookup Invalid = new(InvitationLinkState.Invalid);
}
