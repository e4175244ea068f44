using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Portal.Components.Account;

namespace Portal.StaffAccess;

/// <summary>
/// Tells the page's authentication state that it now belongs to a live circuit. Only there does a change of the user's
/// access sign the page out at once: a statically rendered account page that itself renews the user's security stamp
/// (setting up an authenticator, changing the password) must finish its own request, and its response carries the
/// renewed cookie.
/// </summary>
internal sealed class StaffAccessCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        (authentication as IdentityRevalidatingAuthenticationStateProvider)?.CircuitOpened();
        return Task.CompletedTask;
    }
}
