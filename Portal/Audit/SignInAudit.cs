using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Identity;

namespace Portal.Audit;

/// <summary>
/// Puts staff sign-ins, and failed ones, into their merchant's audit log, from the Identity pages; the platform
/// operator's go into the operator's log (<see cref="OperatorAuditActions"/>). A failed attempt for an email nobody has
/// is not kept: it belongs to no one, and the typed text may be anything. The password never is, right or wrong.
/// </summary>
public sealed class SignInAudit(UserManager<PortalUser> users, IAuditLog audit, IHttpContextAccessor requests)
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
        if (user is null)
        {
            return;
        }
        // The second-factor pages pass no request: they are static pages, so the current request is theirs.
        var ipAddress = (http ?? requests.HttpContext)?.Connection.RemoteIpAddress?.ToString();
        if (user.MerchantId is { } merchantId)
        {
            var (action, summary) = Describe(result, method, AuditActions.SignedIn, AuditActions.SignInFailed);
            await audit.RecordAsync(new AuditRecord(merchantId, user.Id, NameOf(user), action, summary, "User", user.Id,
                new { method }, ipAddress));
        }
        else if ((await users.GetClaimsAsync(user)).Any(c => c.Type == PortalClaims.Operator && c.Value == "true"))
        {
            // The operator's name is their email: the operator's log is read by operators, who tell each other apart by it.
            var (action, summary) = Describe(result, method, OperatorAuditActions.SignedIn, OperatorAuditActions.SignInFailed);
            await audit.RecordAsync(new AuditRecord(null, user.Id, user.Email ?? NameOf(user), action, summary, "User", user.Id,
                new { method }, ipAddress));
        }
    }

    private static (string Action, string Summary) Describe(SignInResult result, string method, string signedIn, string failed) =>
        result switch
        {
            { Succeeded: true } => (signedIn, "Signed in"),
            Identity.Lockout.AddressRefusedSignIn => (failed, "Sign-in refused: too many failed sign-ins from the client's address"),
            { IsLockedOut: true } => (failed, "Sign-in refused: the account is locked after repeated failures"),
            { IsNotAllowed: true } => (failed, "Sign-in refused: the account may not sign in"),
            _ => (failed, method == "password" ? "Sign-in failed: wrong password" : "Sign-in failed: wrong code"),
        };

    private static string NameOf(PortalUser user) =>
        string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName;
}
