using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Identity;

namespace Portal.Operator;

/// <summary>
/// The platform's first operator, for a database without the demo: a user with no merchant and the operator claim
/// (<see cref="PortalClaims.Operator"/>), as the demo's operator is. Only the first: later operators would be someone's
/// decision inside Portal, not of whoever holds the server's command line.
/// </summary>
public sealed class FirstOperator(UserManager<PortalUser> users)
{
    public const string DisplayName = "Platform operator";

    /// <summary>
    /// Creates the operator, with <paramref name="password"/> or with none (they choose it through a reset link).
    /// Refused (a <see cref="DomainException"/> whose message says why) when an operator exists, the email is not one or
    /// is taken, or Identity's password rules refuse the password; nothing is left behind then.
    /// </summary>
    public async Task<PortalUser> CreateAsync(string email, string? password)
    {
        email = email.Trim();
        await EnsureAllowedAsync(email);

        // Confirmed: whoever runs this command vouches for the address, and a confirmed one can reset its password later.
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = DisplayName };
        Refuse(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password), "was refused");
        var claimed = await users.AddClaimAsync(user, OperatorClaim);
        if (!claimed.Succeeded)
        {
            await users.DeleteAsync(user);
            Refuse(claimed, "could not be made an operator");
        }
        return user;
    }

    /// <summary>Refuses, before anything is asked or written, what <see cref="CreateAsync"/> would refuse for the address.</summary>
    public async Task EnsureAllowedAsync(string email)
    {
        email = email.Trim();
        if (!StaffInvitation.IsEmailAddress(email))
        {
            throw new DomainException($"'{email}' is not an email address; give the operator's, e.g. --email ops@example.com.");
        }
        var operators = await users.GetUsersForClaimAsync(OperatorClaim);
        if (operators.Count > 0)
        {
            throw new DomainException($"Portal has an operator already ({operators[0].Email}); create-operator only makes the first one.");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new DomainException($"{email} already has a Portal account; give the operator an address of their own.");
        }
    }

    private static Claim OperatorClaim => new(PortalClaims.Operator, "true");

    private static void Refuse(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new DomainException($"The operator {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
