using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.ApiKeys;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Merchants;
using Portal.Webhooks;

namespace Portal.Data;

/// <summary>
/// The demo a new user meets in Development (never in Production): two merchants to show isolation, their staff, and an
/// open payment link. The README lists the same logins; the sandbox bank seeds the matching accounts.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo!Pass123";
    public const string DemoShop = "Demo Shop";
    public const string OtherShop = "Other Shop";
    public const string DemoShopSettlementAccount = "8800000000000001";
    public const string OtherShopSettlementAccount = "8800000000000002";
    public const string DemoLinkPrefix = "DEMO-";
    public const string OperatorEmail = "operator@demo.test";

    /// <summary>Every demo sign-in is at this domain; production refuses to start while one still has <see cref="Password"/>.</summary>
    public const string EmailDomain = "@demo.test";

    // The sample shop (samples/DemoShop) ships these same published values in its appsettings.Development.json, so
    // that it and Portal work together with no setup. Published means not secret: they exist only in the demo seed.
    public const string DemoShopApiKeyName = "Demo shop (sample)";
    public const string DemoShopApiKeySecret = "psk_00000000000040008000000000de5a0bdemo-shop-sample-key-not-a-secret";
    public const string DemoShopWebhookUrl = "http://localhost:5090/webhooks/portal";
    public const string DemoShopWebhookSecret = "whsec_demo-shop-sample-webhook-secret-not-a-secret";

    /// <summary>The demo is seeded in Development only, unless Demo:Seed turns it off there too.</summary>
    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        environment.IsDevelopment() && configuration.GetValue("Demo:Seed", true);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var time = services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var demo = await EnsureMerchantAsync(db, DemoShop, "Shanghai", DemoShopSettlementAccount, now, cancellationToken);
        var other = await EnsureMerchantAsync(db, OtherShop, "Beijing", OtherShopSettlementAccount, now, cancellationToken);

        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await EnsureStaffAsync(users, "owner@demo.test", "Olivia Owner", demo.Id, StaffRole.Owner);
        await EnsureStaffAsync(users, "manager@demo.test", "Marco Manager", demo.Id, StaffRole.Manager);
        await EnsureStaffAsync(users, "viewer@demo.test", "Vera Viewer", demo.Id, StaffRole.Viewer);
        await EnsureStaffAsync(users, "other@demo.test", "Oscar Other", other.Id, StaffRole.Owner);
        await EnsureOperatorAsync(users, OperatorEmail);
        // Tests turn this off (Demo:SampleShop=false): an endpoint at localhost:5090 would get a delivery for every payment.
        if (services.GetRequiredService<IConfiguration>().GetValue("Demo:SampleShop", true))
        {
            await EnsureSampleShopKeyAsync(db, demo, now, cancellationToken);
            await EnsureSampleShopWebhookAsync(db, services.GetRequiredService<WebhookSecrets>(), demo, now, cancellationToken);
        }

        // There is always one open demo link to pay, also after the last one was paid.
        var openLinks = await db.Checkouts.CountAsync(c => c.MerchantReference!.StartsWith(DemoLinkPrefix) &&
            c.Status == CheckoutStatus.Open && c.ReservedByPaymentId == null && c.ExpiresAt > now, cancellationToken);
        if (openLinks == 0)
        {
            var count = await db.Checkouts.CountAsync(c => c.MerchantReference!.StartsWith(DemoLinkPrefix), cancellationToken);
            db.Checkouts.Add(Checkout.Create(demo,
                new CheckoutRequest(88.00m, "CNY", "Demo order: a pot of Longjing tea", now + TimeSpan.FromDays(60),
                    $"{DemoLinkPrefix}{count + 1:0000}"), now, "owner@demo.test"));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The demo link's URL path, printed at start so a new user can pay at once.</summary>
    public static async Task<string?> FindDemoLinkPathAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var token = await db.Checkouts
            .Where(c => c.MerchantReference!.StartsWith(DemoLinkPrefix) && c.Status == CheckoutStatus.Open && c.ReservedByPaymentId == null)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => c.Token)
            .FirstOrDefaultAsync();
        return token is null ? null : $"/pay/{token}";
    }

    /// <summary>The sample shop's API key, with the published secret (see <see cref="DemoShopApiKeySecret"/>).</summary>
    private static async Task EnsureSampleShopKeyAsync(PortalDbContext db, Merchant demo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ApiKey.TryReadId(DemoShopApiKeySecret, out var keyId);
        if (await db.ApiKeys.AnyAsync(k => k.Id == keyId, cancellationToken))
        {
            return;
        }
        db.ApiKeys.Add(ApiKey.CreateDemoKeyWithPublishedSecret(demo.Id, DemoShopApiKeyName, ApiScopes.All, DemoShopApiKeySecret,
            "owner@demo.test", now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The webhook endpoint of the sample shop, signing with the published secret (see <see cref="DemoShopWebhookSecret"/>).</summary>
    private static async Task EnsureSampleShopWebhookAsync(PortalDbContext db, WebhookSecrets secrets, Merchant demo, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await db.WebhookEndpoints.AnyAsync(e => e.MerchantId == demo.Id && e.Url == DemoShopWebhookUrl, cancellationToken))
        {
            return;
        }
        var (protectedSecret, hint) = secrets.Protect(DemoShopWebhookSecret);
        db.WebhookEndpoints.Add(WebhookEndpoint.Create(demo.Id, DemoShopWebhookUrl, "Demo shop (sample), samples/DemoShop",
            WebhookEventTypes.All, allowHttp: true, protectedSecret, hint, "owner@demo.test", now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Merchant> EnsureMerchantAsync(PortalDbContext db, string name, string city, string account,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.Name == name, cancellationToken);
        if (merchant is null)
        {
            merchant = Merchant.Create(name, city, Currency.CNY, AccountNumber.Parse(account), now);
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync(cancellationToken);
        }
        return merchant;
    }

    /// <summary>The platform operator: no merchant, the operator claim (see <see cref="Identity.PortalClaims.Operator"/>).</summary>
    private static async Task EnsureOperatorAsync(UserManager<PortalUser> users, string email)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Petra Platform" };
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded)
        {
            result = await users.AddClaimAsync(user, new System.Security.Claims.Claim(Identity.PortalClaims.Operator, "true"));
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static async Task EnsureStaffAsync(UserManager<PortalUser> users, string email, string name, Guid merchantId, StaffRole role)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            MerchantId = merchantId,
            Role = role,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
