using Portal.Domain.Merchants;

namespace Portal.Invitations;

/// <summary>An invitation just sent, with its link: shown once to the inviter, never stored.</summary>
public sealed record SentInvitation(Guid Id, string Email, StaffRole Role, string Link, DateTimeOffset ExpiresAt);
