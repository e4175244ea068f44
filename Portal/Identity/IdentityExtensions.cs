using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Components.Account;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.StaffAccess;

namespace Portal.Identity;

public static class IdentityExtensions
{
    /// <summary>Staff sign-in: Identity on Portal's database, merchant and role as claims, lockout after 5 failures.</summary>
    public static IHostApplicationBuilder AddPortalIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<PortalUser>(options =>
            {
                // Staff are created by an owner or the operator, never by self-registration.
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Staff, policy => policy.RequireClaim(PortalClaims.MerchantId))
            .AddPolicy(PortalPolicies.ManagePayments, policy => policy
                .RequireClaim(PortalClaims.MerchantId)
                .RequireRole(nameof(StaffRole.Owner), nameof(StaffRole.Manager)))
            .AddPolicy(PortalPolicies.ManageMerchant, policy => policy
                .RequireClaim(PortalClaims.MerchantId)
                .RequireRole(nameof(StaffRole.Owner)))
            .AddPolicy(PortalPolicies.Operator, policy => policy.RequireClaim(PortalClaims.Operator, "true"));

        // A changed role or a removed member (the team page renews their security stamp) takes effect within a minute,
        // not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        return builder;
    }
}
