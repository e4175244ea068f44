using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Tests.Builders;

namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// One Production Portal per test class, with one merchant and its owner, made through the app's own services as an
/// operator's onboarding would (Production seeds no demo).
/// </summary>
public abstract class ProductionFixture(IDictionary<string, string?> settings) : IAsyncLifetime
{
    public const string OwnerEmail = "owner@tea.example";
    public const string OwnerPassword = "Teapot!Pass123";

    public ProductionPortalApp App { get; } = new(settings);

    public string OwnerId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        var merchant = new MerchantBuilder().Build();
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Merchants.Add(merchant);
            await db.SaveChangesAsync();
        }
        using var scope = App.Services.CreateScope();
        var owner = new PortalUser
        {
            UserName = OwnerEmail, Email = OwnerEmail, EmailConfirmed = true, DisplayName = "Olga Owner",
            MerchantId = merchant.Id, Role = StaffRole.Owner,
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(owner, OwnerPassword);
        OwnerId = created.Succeeded ? owner.Id : throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Signs the owner in through a proxy that says the client is <paramref name="forwardedFor"/>; the address audited.</summary>
    public async Task<string?> AuditedSignInAddressAsync(string forwardedFor)
    {
        using (var proxy = new ProxiedClient(App.BaseAddress) { ForwardedFor = forwardedFor })
        using (var response = await proxy.SignInAsync(OwnerEmail, OwnerPassword))
        {
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in answered {(int)response.StatusCode}.");
            }
        }
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var signIns = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorUserId == OwnerId && e.Action == AuditActions.SignedIn)
            .ToListAsync();
        return signIns.OrderBy(e => e.At).LastOrDefault()?.IpAddress;
    }
}
