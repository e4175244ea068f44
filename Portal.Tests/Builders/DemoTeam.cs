using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Admin;
using Portal.Admin.Team;
using Portal.Data;
using Portal.Tests.Integration.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Builders;

/// <summary>The team page's actions as a merchant's owner takes them, signed in with the claims the app itself makes.</summary>
public static class DemoTeam
{
    public static async Task<TeamActions> OfAsync(IServiceProvider services, string ownerEmail = "owner@demo.test")
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var owner = await factory.CreateAsync(await users.FindByEmailAsync(ownerEmail) ?? throw new InvalidOperationException(ownerEmail));
        return ActivatorUtilities.CreateInstance<TeamActions>(services, new CurrentStaff(new AccountsApp<OnSqlite>.SignedIn(owner)));
    }
}
