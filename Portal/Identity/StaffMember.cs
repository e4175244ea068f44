using System.Security.Claims;
using Portal.Domain.Merchants;

namespace Portal.Identity;

/// <summary>The signed-in staff member as pages and hubs see them: who, for which merchant, in which role.</summary>
public sealed record StaffMember(string UserId, string Email, string DisplayName, Guid MerchantId, StaffRole Role)
{
    public bool CanManagePayments => Role is StaffRole.Owner or StaffRole.Manager;

    public bool CanManageMerchant => Role is StaffRole.Owner;

    /// <summary>This member as the domain sees whoever acts: it checks role and merchant again itself.</summary>
    public StaffActor AsActor() => new(MerchantId, UserId, DisplayName, Role);

    public static StaffMember? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true ||
            !Guid.TryParse(user.FindFirstValue(PortalClaims.MerchantId), out var merchantId) ||
            !Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "";
        return new StaffMember(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", email,
            user.FindFirstValue(ClaimTypes.GivenName) ?? email, merchantId, role);
    }
}
