namespace Portal.Domain.Merchants;

/// <summary>A new invitation with its token: the only time the token exists outside the invitee's link.</summary>
public sealed record IssuedInvitation(StaffInvitation Invitation, string Token);
