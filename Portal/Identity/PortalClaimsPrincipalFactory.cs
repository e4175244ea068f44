using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Identity.TwoFactor;

namespace Portal.Identity;

/// <summary>
/// Puts the user's merchant and role into the cookie, so no page has to look them up to filter by them; and whether
/// they must still set up two-factor, which the security-stamp check recomputes each minute (so a merchant switching
/// on two-factor for all staff reaches open sessions within a minute).
/// </summary>
internal sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users,
    IOptions<IdentityOptions> options,
    IDbContextFactory<PortalDbContext> contexts,
    IOptions<StaffAccountOptions> staff,
    IHostEnvironment environment)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MerchantId is { } merchantId)
        {
            identity.AddClaim(new Claim(PortalClaims.MerchantId, merchantId.ToString()));
            identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        }
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }
        if (!user.TwoFactorEnabled && !IsExemptDemo(user) && await MustHaveTwoFactorAsync(user, identity))
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactorSetUpRequired, "true"));
        }
        return identity;
    }

    private async Task<bool> MustHaveTwoFactorAsync(PortalUser user, ClaimsIdentity identity)
    {
        var isOperator = identity.HasClaim(PortalClaims.Operator, "true");
        if (isOperator || user.MerchantId is not { } merchantId || TwoFactorRule.IsRequired(user, isOperator, false))
        {
            return TwoFactorRule.IsRequired(user, isOperator, false);
        }
        await using var db = await contexts.CreateDbContextAsync();
        var forAll = await db.Merchants.Where(m => m.Id == merchantId).Select(m => m.RequiresTwoFactorForAllStaff).FirstOrDefaultAsync();
        return TwoFactorRule.IsRequired(user, isOperator, forAll);
    }

    // The demo opens with a password alone (see StaffAccountOptions.TwoFactorSettings.ExemptDemoStaff): only in
    // Development, only for the demo domain that the Development demo seeds.
    private bool IsExemptDemo(PortalUser user) =>
        environment.IsDevelopment() && staff.Value.TwoFactor.ExemptDemoStaff &&
        (user.Email ?? "").EndsWith(DemoData.EmailDomain, StringComparison.OrdinalIgnoreCase);
}
