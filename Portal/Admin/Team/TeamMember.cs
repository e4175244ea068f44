using Portal.Domain.Merchants;

namespace Portal.Admin.Team;

/// <summary>One member of the merchant's staff as the team page lists them.</summary>
public sealed record TeamMember(string UserId, string DisplayName, string Email, StaffRole Role, bool TwoFactorEnabled,
    bool LockedOut, bool IsYou);
