using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Identity.Lockout;

/// <summary>
/// Identity's sign-in with the client address counted too: every password, authenticator and recovery-code attempt is
/// refused up front while its address is over <see cref="StaffAccountOptions.LockoutSettings.MaxFailuresPerAddress"/>,
/// and each failure counts toward it. The per-account lockout of Identity stays as it is.
/// </summary>
internal sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    FailedSignInsByAddress failures)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure) =>
        CountedAsync(() => base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure));

    public override Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient) =>
        CountedAsync(() => base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient));

    public override Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode) =>
        CountedAsync(() => base.TwoFactorRecoveryCodeSignInAsync(recoveryCode));

    private async Task<SignInResult> CountedAsync(Func<Task<SignInResult>> signIn)
    {
        var address = Context.Connection.RemoteIpAddress;
        if (await failures.RetryAfterAsync(address) is { } wait)
        {
            return new AddressRefusedSignIn(wait);
        }
        var result = await signIn();
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await failures.RecordFailureAsync(address);
        }
        return result;
    }
}
