using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Domain.Refunds;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Reports;

/// <summary>
/// A real Portal and bank with a small day of business, through the real flow and rail: Demo Shop takes 100.00 and
/// 20.50 and refunds 30.00 of the first; Other Shop takes 7.77. The books agree: nothing here plants a difference.
/// </summary>
public sealed class ReportsFixture<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public PortalApp App { get; } = new(provider: TProvider.Provider);

    public async Task InitializeAsync()
    {
        var services = App.Services;
        _ = App.BaseAddress;
        var (first, _) = await DemoPayments.PaidAsync(services, 100.00m);
        await DemoPayments.PaidAsync(services, 20.50m);
        await DemoPayments.PaidAsync(services, 7.77m, merchant: DemoData.OtherShop);
        var manager = await DemoPayments.StaffAsync(services, StaffRole.Manager);
        var refund = await services.GetRequiredService<RefundFlow>().RequestAsync(manager, first.PaymentId,
            new RefundRequest("30.00", RefundReason.Returned, null, "reports-fixture"));
        Assert.Equal(RefundStatus.Succeeded, refund.Status);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
