using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.StaffAccess;

/// <summary>
/// Identity's user manager, which also announces every saved change of a user (<see cref="StaffAccessChanges"/>): a
/// password reset or change, two-factor turned on or off renew the security stamp through here, and the member's open
/// pages and hub connections must not wait for the periodic re-check to learn their cookie is stale. Identity renews the
/// stamp in private code and then saves, so the save is where it can be seen; a save that changed nothing of the kind
/// only costs a re-check that finds everything valid.
/// </summary>
internal sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    StaffAccessChanges accessChanges)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(PortalUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && user.MerchantId is not null)
        {
            await accessChanges.ChangedAsync(user.Id, CancellationToken);
        }
        return result;
    }
}
