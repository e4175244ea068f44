using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Portal.Identity.TwoFactor;

/// <summary>
/// Refuses every merchant and operator policy (any that asks for the merchant or operator claim) to a user who must
/// have two-factor sign-in and has not set it up; their own account pages ask only for a signed-in user and stay open.
/// Written as a handler over those requirements, not as one more requirement per policy, so that a policy added later
/// cannot forget it.
/// </summary>
internal sealed class TwoFactorSetUpGate : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (TwoFactorRule.MustSetUp(context.User) &&
            context.Requirements.OfType<ClaimsAuthorizationRequirement>()
                .Any(r => r.ClaimType is PortalClaims.MerchantId or PortalClaims.Operator))
        {
            context.Fail(new AuthorizationFailureReason(this, "Two-factor sign-in must be set up first."));
        }
        return Task.CompletedTask;
    }
}
