using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Payments;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Admin;

/// <summary>One running Portal with 30 Demo Shop and 10 Other Shop payments, written straight to its database.</summary>
public sealed class PaymentExportFixture<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public static readonly DateTimeOffset First = new(2026, 11, 10, 8, 0, 0, TimeSpan.Zero);

    public PortalApp App { get; } = new(provider: TProvider.Provider);

    public IReadOnlyList<Payment> Demo { get; private set; } = [];

    public IReadOnlyList<Payment> Other { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        var contexts = App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Demo = await new PaymentHistoryBuilder(await DemoCheckouts.MerchantAsync(App.Services, DemoData.DemoShop)).WithCount(30)
            .StartingAt(First, TimeSpan.FromMinutes(10)).WithReferencePrefix("EXP-").SaveAsync(contexts);
        Other = await new PaymentHistoryBuilder(await DemoCheckouts.MerchantAsync(App.Services, DemoData.OtherShop)).WithCount(10)
            .StartingAt(First, TimeSpan.FromMinutes(10)).WithReferencePrefix("EXP-").SaveAsync(contexts);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
