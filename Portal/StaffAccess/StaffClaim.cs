namespace Portal.StaffAccess;

/// <summary>What a staff member's cookie says about them, to check against the database (<see cref="StaffAccessCheck"/>).</summary>
public sealed record StaffClaim(string UserId, Guid MerchantId, string? SecurityStamp);
