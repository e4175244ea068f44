using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Audit;

/// <summary>
/// Puts staff sign-ins, and failed ones, into their merchant's audit log, from the Identity pages. A failed attempt
/// for an email no staff member has is not kept: it belongs to no merchant, and the typed text may be anything.
/// </summary>
public sealed class SignInAudit(UserManager<PortalUser> users, IAuditLog audit)
{
    /// <summary>After a password sign-in; a password that was right but still needs a second factor is recorded there.</summary>
    public async Task RecordPasswordAsync(string email, SignInResult result, HttpContext? http)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.RequiresTwoFactor)
        {
            return;
        }
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email);
        await RecordAsync(user, result, "password", http);
    }

    /// <summary>After the second factor (authenticator or recovery code) of <paramref name="user"/>.</summary>
    public Task RecordSecondFactorAsync(PortalUser user, SignInResult result, string method, HttpContext? http) =>
        RecordAsync(user, result, method, http);

    private async Task RecordAsync(PortalUser? user, SignInResult result, string method, HttpContext? http)
    {
        if (user?.MerchantId is not { } merchantId)
        {
            return;
        }
        var name = string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName;
        var (action, summary) = result switch
        {
            { Succeeded: true } => (AuditActions.SignedIn, "Signed in"),
            Identity.Lockout.AddressRefusedSignIn => (AuditActions.SignInFailed, "Sign-in refused: too many failed sign-ins from the client's address"),
            { IsLockedOut: true } => (AuditActions.SignInFailed, "Sign-in refused: the account is locked after repeated failures"),
            { IsNotAllowed: true } => (AuditActions.SignInFailed, "Sign-in refused: the account may not sign in"),
            _ => (AuditActions.SignInFailed, method == "password" ? "Sign-in failed: wrong password" : "Sign-in failed: wrong code"),
        };
        await audit.RecordAsync(new AuditRecord(merchantId, user.Id, name, action, summary, "User", user.Id,
            new { method }, http?.Connection.RemoteIpAddress?.ToString()));
    }
}
