using Portal.Domain.Merchants;

namespace Portal.Admin.Team;

/// <summary>An owner's choice of a new role for a member, before it is saved.</summary>
public sealed record MemberRoleChange(TeamMember Member, StaffRole Role);
