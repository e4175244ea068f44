using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.SandboxBank;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Reports;

/// <summary>
/// A real Portal and bank whose books were made to disagree, one way per kind of difference: payments paid through
/// the real flow, then a Portal row altered in its database (as a bug or a lost callback would leave it) or a movement
/// booked at the bank that Portal never ordered. Other Shop gets a difference of its own, which Demo Shop must not see.
/// </summary>
public sealed class PlantedDifferencesFixture<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public PortalApp App { get; } = new(provider: TProvider.Provider);

    /// <summary>Paid and left alone: agrees.</summary>
    public Guid Agreed { get; private set; }

    /// <summary>Paid 12.34 at the bank; Portal's row says 13.34.</summary>
    public Guid AmountChanged { get; private set; }

    /// <summary>Settled at the bank; Portal's row still says Processing.</summary>
    public Guid StillProcessing { get; private set; }

    /// <summary>Refused by the bank for lack of funds; Portal's row says Succeeded.</summary>
    public Guid NeverAtBank { get; private set; }

    /// <summary>Other Shop's payment whose Portal amount was changed.</summary>
    public Guid OtherShopsDifference { get; private set; }

    public async Task InitializeAsync()
    {
        var services = App.Services;
        _ = App.BaseAddress;
        Agreed = (await DemoPayments.PaidAsync(services, 3.00m)).Payment.PaymentId;
        AmountChanged = (await DemoPayments.PaidAsync(services, 12.34m)).Payment.PaymentId;
        StillProcessing = (await DemoPayments.PaidAsync(services, 5.00m)).Payment.PaymentId;
        NeverAtBank = await FailedPaymentAsync(services);
        OtherShopsDifference = (await DemoPayments.PaidAsync(services, 4.00m, merchant: DemoData.OtherShop)).Payment.PaymentId;

        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Payments.Where(p => p.Id == AmountChanged || p.Id == OtherShopsDifference)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountMinorUnits, p => p.AmountMinorUnits + 100));
            await db.Payments.Where(p => p.Id == StillProcessing)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Processing));
            await db.Payments.Where(p => p.Id == NeverAtBank)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Succeeded));
        }

        // The merchant sweeps 1.00 out of its settlement account at the bank: a movement no Portal order explains.
        await services.GetRequiredService<SandboxBankSeeder>()
            .PayOutAsync(DemoData.DemoShopSettlementAccount, Money.Of(1.00m, Currency.CNY));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private static async Task<Guid> FailedPaymentAsync(IServiceProvider services)
    {
        var payer = await BankBook.OpenPayerAsync(services, 1.00m);
        var checkout = await DemoCheckouts.CreateAsync(services, 9.99m);
        var flow = services.GetRequiredService<PaymentFlow>();
        var started = await flow.ChooseMethodAsync(checkout.Token, PaymentMethod.RealTime);
        var failed = await flow.PayRealTimeAsync(started.PaymentId, PayerDetails.Parse(payer, "123456"), "planted");
        Assert.Equal(PaymentStatus.Failed, failed.Status);
        return failed.PaymentId;
    }
}
