using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Domain.Payments;
using Portal.Domain.Refunds;

namespace Portal.Tests.Builders;

/// <summary>Paid payments of the demo merchants, paid through the real flow and rail, and who may refund them.</summary>
public static class DemoPayments
{
    /// <summary>A new payer pays a new Demo Shop checkout in real time; returns the payment and the payer's account.</summary>
    public static async Task<(PaymentSnapshot Payment, string Payer)> PaidAsync(IServiceProvider services, decimal amount,
        decimal payerBalance = 10_000m, string merchant = DemoData.DemoShop)
    {
        var (paid, payer) = await AttemptAsync(services, amount, payerBalance, merchant: merchant);
        return paid.Status == PaymentStatus.Succeeded ? (paid, payer) : throw new InvalidOperationException($"Payment {paid.Status}");
    }

    /// <summary>
    /// A new payer with <paramref name="payerBalance"/> pays a new Demo Shop checkout, whatever comes of it: real time (the
    /// bank's answer) or fast (approved in the wallet; the bank settles later).
    /// </summary>
    public static async Task<(PaymentSnapshot Payment, string Payer)> AttemptAsync(IServiceProvider services, decimal amount,
        decimal payerBalance = 10_000m, PaymentMethod method = PaymentMethod.RealTime, string merchant = DemoData.DemoShop)
    {
        var payer = await BankBook.OpenPayerAsync(services, payerBalance);
        var checkout = await DemoCheckouts.CreateAsync(services, amount, merchant);
        var flow = services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, method);
        var details = PayerDetails.Parse(payer, "123456");
        var key = Guid.NewGuid().ToString("N");
        return (method == PaymentMethod.Fast
            ? await flow.ApproveFastAsync(started.PaymentId, details, key)
            : await flow.PayRealTimeAsync(started.PaymentId, details, key), payer);
    }

    public static async Task<StaffActor> StaffAsync(IServiceProvider services, StaffRole role, string merchant = DemoData.DemoShop,
        string? userId = null) =>
        new(await DemoCheckouts.MerchantIdAsync(services, merchant), userId ?? $"{role}-{Guid.NewGuid():N}", $"Test {role}", role);

    public static async Task<Payment> ReloadAsync(IServiceProvider services, Guid paymentId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId);
    }

    public static async Task<List<Refund>> RefundsOfAsync(IServiceProvider services, Guid paymentId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Refunds.AsNoTracking().Where(r => r.PaymentId == paymentId).ToListAsync();
    }

    /// <summary>Changes the demo shop through its own methods, as its Owner's settings page would, and saves it.</summary>
    public static async Task ConfigureMerchantAsync(IServiceProvider services, Action<Portal.Domain.Merchants.Merchant> change,
        string merchant = DemoData.DemoShop)
    {
        var id = await DemoCheckouts.MerchantIdAsync(services, merchant);
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        change(await db.Merchants.SingleAsync(m => m.Id == id));
        await db.SaveChangesAsync();
    }
}
