using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;

namespace Portal.Tests.Builders;

/// <summary>Creates checkouts for the demo merchants through the same flow the admin portal uses.</summary>
public static class DemoCheckouts
{
    public static async Task<Checkout> CreateAsync(IServiceProvider services, decimal amount = 25.00m,
        string merchant = DemoData.DemoShop, string? returnUrl = null, TimeSpan? expiresIn = null, string description = "Test order")
    {
        var merchantId = await MerchantIdAsync(services, merchant);
        var time = services.GetRequiredService<TimeProvider>();
        var checkouts = services.GetRequiredService<CheckoutLifecycle>();
        return await checkouts.CreateCheckoutAsync(merchantId,
            new CheckoutRequest(amount, "CNY", description, time.GetUtcNow() + (expiresIn ?? TimeSpan.FromHours(1)),
                $"T-{Guid.NewGuid():N}"[..12], returnUrl),
            "tests");
    }

    public static async Task<Guid> MerchantIdAsync(IServiceProvider services, string merchant = DemoData.DemoShop)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Merchants.Where(m => m.Name == merchant).Select(m => m.Id).SingleAsync();
    }

    /// <summary>The merchant as it is stored, untracked: for builders that write rows of its own.</summary>
    public static async Task<Merchant> MerchantAsync(IServiceProvider services, string merchant = DemoData.DemoShop)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Merchants.AsNoTracking().SingleAsync(m => m.Name == merchant);
    }

    public static async Task<List<Payment>> PaymentsOfAsync(IServiceProvider services, Guid checkoutId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Payments.AsNoTracking().Where(p => p.CheckoutId == checkoutId).ToListAsync();
    }

    public static async Task<Checkout> ReloadAsync(IServiceProvider services, Guid checkoutId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == checkoutId);
    }
}
