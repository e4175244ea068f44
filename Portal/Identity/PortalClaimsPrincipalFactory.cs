using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Identity;

/// <summary>Puts the user's merchant and role into the cookie, so no page has to look them up to filter by them.</summary>
internal sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options)
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
        return identity;
    }
}
