using System.Security.Claims;
using Portal.Data;
using Portal.Domain.Merchants;

namespace Portal.Identity.TwoFactor;

/// <summary>Who must sign in with two factors: Owners, the platform operator, and all staff of a merchant that says so.</summary>
public static class TwoFactorRule
{
    /// <summary>Where a user who must set up two-factor is sent, and the one page besides their account they may open.</summary>
    public const string SetUpPath = "/Account/Manage/EnableAuthenticator";

    public static bool IsRequired(PortalUser user, bool isOperator, bool merchantRequiresForAll) =>
        isOperator || user.MerchantId is not null && (user.Role == StaffRole.Owner || merchantRequiresForAll);

    /// <summary>Whether the signed-in <paramref name="user"/> must still set up two-factor (a claim of the cookie).</summary>
    public static bool MustSetUp(ClaimsPrincipal? user) =>
        user?.HasClaim(PortalClaims.TwoFactorSetUpRequired, "true") == true;
}
