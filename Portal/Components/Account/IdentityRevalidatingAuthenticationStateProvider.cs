using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Identity;
using Portal.Identity.Sessions;
using Portal.StaffAccess;

namespace Portal.Components.Account;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp for the connected user
// every StaffAccess:RecheckInterval (a minute by default) an interactive circuit is connected, and at once when the
// user's access changed (StaffAccessChanges: the team page removed them or changed their role, on any instance; a
// password or two-factor change), once the circuit is live (StaffAccessCircuitHandler): the circuit then signs out, its
// pages leave and stop receiving live updates. Anonymous circuits are not revalidated.
// A circuit never sees the cookie again, so it also ends the session where the cookie would: at the absolute limit, and
// at the idle end the page was loaded with.
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly StaffAccessChanges _accessChanges;
    private readonly StaffAccountOptions _staff;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private IDisposable? _accessWatch;
    private volatile bool _inCircuit;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IOptions<StaffAccessOptions> access,
        StaffAccessChanges accessChanges,
        IOptions<StaffAccountOptions> staff,
        TimeProvider time)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _accessChanges = accessChanges;
        _staff = staff.Value;
        _time = time;
        _interval = access.Value.RecheckInterval;
        _logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();
        AuthenticationStateChanged += WatchAccess;
    }

    protected override TimeSpan RevalidationInterval => _interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!StaffSessions.IsOpen(authenticationState.User, _staff.Sessions.AbsoluteLifetime, _time.GetUtcNow()))
        {
            return false;
        }
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = _scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AuthenticationStateChanged -= WatchAccess;
            Interlocked.Exchange(ref _accessWatch, null)?.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>From the circuit's handler: the page is live, so a change of access now signs it out at once.</summary>
    internal void CircuitOpened()
    {
        _inCircuit = true;
        _ = WatchFromTheStartAsync(GetAuthenticationStateAsync());
    }

    // A change made after the page was prerendered but before its circuit connected was announced to nobody: once the
    // watch is on, one check against the database catches it, rather than the periodic re-check a minute later.
    private async Task WatchFromTheStartAsync(Task<AuthenticationState> state)
    {
        try
        {
            await WatchAccessAsync(state);
            var current = await state;
            if (current.User.Identity?.IsAuthenticated == true)
            {
                await RecheckNowAsync(current);
            }
        }
        catch (Exception ex)
        {
            // The periodic re-check tries again within StaffAccess:RecheckInterval.
            StaffAccessLog.RecheckFailed(_logger, ex);
        }
    }

    private void WatchAccess(Task<AuthenticationState> state)
    {
        if (_inCircuit)
        {
            _ = WatchAccessAsync(state);
        }
    }

    private async Task WatchAccessAsync(Task<AuthenticationState> state)
    {
        var current = await state;
        var userId = current.User.Identity?.IsAuthenticated == true ? current.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var watch = userId is null ? null : _accessChanges.WatchUser(userId, _ => RecheckNowAsync(current));
        Interlocked.Exchange(ref _accessWatch, watch)?.Dispose();
    }

    private async Task RecheckNowAsync(AuthenticationState state)
    {
        if (!await ValidateAuthenticationStateAsync(state, CancellationToken.None))
        {
            // As the periodic revalidation does when it fails: the router then sends the circuit to sign in.
            SetAuthenticationState(Task.FromResult(SignedOut));
        }
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<PortalUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null)
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }
}
