using Portal.Domain.Merchants;

namespace Portal.Admin.Team;

/// <summary>An invitation not yet accepted and not expired.</summary>
public sealed record PendingInvitation(Guid Id, string Email, StaffRole Role, string InvitedBy, DateTimeOffset ExpiresAt);
