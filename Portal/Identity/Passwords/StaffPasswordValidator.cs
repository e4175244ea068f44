using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Identity.Passwords;

/// <summary>
/// Refuses a staff password that guessers try first (<see cref="CommonPasswords"/>) or that holds the user's own email
/// name; the length comes from Identity's own rule. No rules on character classes (ASVS 2.1.9): length and the list do
/// what they were meant to.
/// </summary>
internal sealed class StaffPasswordValidator : IPasswordValidator<PortalUser>
{
    /// <summary>An email name this short ("jo") would refuse half of all passwords and protect nothing.</summary>
    private const int ShortestEmailName = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (CommonPasswords.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordCommon",
                Description = "This password is on a list of common or breached passwords; choose another.",
            }));
        }
        var email = user.Email ?? user.UserName ?? "";
        var name = email.Split('@')[0];
        if (name.Length >= ShortestEmailName &&
            CommonPasswords.Normalize(password).Contains(CommonPasswords.Normalize(name), StringComparison.Ordinal))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordContainsEmail",
                Description = "The password must not contain your email's name; choose another.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }
}
