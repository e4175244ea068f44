using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Components.Account;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.StaffAccess;
using Portal.Identity.Lockout;
using Portal.Identity.Passwords;
using Portal.Identity.Sessions;
using Portal.Identity.TwoFactor;

namespace Portal.Identity;

public static class IdentityExtensions
{
    /// <summary>
    /// Staff sign-in: Identity on Portal's database, merchant and role as claims, and the rules of
    /// <see cref="StaffAccountOptions"/> (section "Staff"): password length and the common-password list, lockout by
    /// account and by client address, two-factor for Owners and operators, idle and absolute session limits.
    /// </summary>
    public static IHostApplicationBuilder AddPortalIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffAccountOptions>().BindConfiguration(StaffAccountOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<FailedSignInsByAddress>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorSetUpGate>();

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
                // Length and the common-password list instead of character classes (ASVS 2.1.9).
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddPasswordValidator<StaffPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<StaffAccountOptions>>((identity, staff) =>
        {
            identity.Password.RequiredLength = staff.Value.Passwords.RequiredLength;
            identity.Lockout.MaxFailedAccessAttempts = staff.Value.Lockout.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = staff.Value.Lockout.Duration;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffAccountOptions>, TimeProvider>(ConfigureSessionCookie);

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

    private static void ConfigureSessionCookie(CookieAuthenticationOptions cookie, IOptions<StaffAccountOptions> staff, TimeProvider time)
    {
        var sessions = staff.Value.Sessions;
        cookie.TimeProvider = time;
        cookie.ExpireTimeSpan = sessions.IdleTimeout;
        cookie.SlidingExpiration = true;

        var signingIn = cookie.Events.OnSigningIn;
        cookie.Events.OnSigningIn = context =>
        {
            StaffSessions.OnSigningIn(context, sessions.AbsoluteLifetime, time.GetUtcNow());
            return signingIn(context);
        };

        // Identity's own check (the security stamp) runs after the absolute limit, which needs no database.
        var validatePrincipal = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var now = time.GetUtcNow();
            if (!StaffSessions.IsWithinLimit(context.Properties, sessions.AbsoluteLifetime, now))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validatePrincipal(context);
            if (context.Principal is { } principal)
            {
                context.ReplacePrincipal(StaffSessions.WithLimits(principal, context.Properties, context.Options, now));
            }
        };

        // A user who must set up two-factor is refused every merchant and operator page: send them to set it up.
        var accessDenied = cookie.Events.OnRedirectToAccessDenied;
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            if (TwoFactorRule.MustSetUp(context.HttpContext.User))
            {
                context.RedirectUri = context.Request.PathBase + TwoFactorRule.SetUpPath;
            }
            return accessDenied(context);
        };
    }
}
