using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<PortalUser> signInManager,
            [FromServices] Portal.Audit.OperatorAudit operatorAudit,
            [FromForm] string returnUrl) =>
        {
            await signInManager.SignOutAsync();
            if (Portal.Audit.OperatorAudit.IsOperator(user))
            {
                await operatorAudit.RecordAsync(user, Portal.Audit.OperatorAuditActions.SignedOut, "Signed out", "User",
                    user.FindFirstValue(ClaimTypes.NameIdentifier));
            }
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });

        return accountGroup;
    }
}
