using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Admin;
using Portal.Data;
using Portal.Identity;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Accounts;

/// <summary>
/// The real app (demo data seeded, mailbox on) on a clock the tests move, shared by one test class and provider: invitations expire
/// by the clock, and each test works with its own invitee's email.
/// </summary>
public sealed class AccountsApp<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public PortalApp App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new PortalApp(time: Time, provider: TProvider.Provider);
        _ = App.BaseAddress;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public IDbContextFactory<PortalDbContext> Contexts => App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task<PortalUser> UserAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
    }

    /// <summary>The staff member as their cookie says (claims made by the app's own factory at that moment).</summary>
    public async Task<CurrentStaff> SignedInAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        var principal = await factory.CreateAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email));
        return new CurrentStaff(new SignedIn(principal));
    }

    public async Task<ClaimsPrincipal> PrincipalAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>();
        return await factory.CreateAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email));
    }

    /// <summary>Someone signed in, as the circuit's authentication state would give them.</summary>
    public sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
