using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Admin.Payments;
using Portal.Data;
using Portal.Tests.Builders;
using Portal.Tests.Infrastructure;
using Portal.Tests.Integration.Operations;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// One running Portal whose Demo Shop has far more payments than a download's buffers hold (Kestrel's and the socket's
/// together take a few hundred rows) and than the export reads at once: twenty pages, one of them split inside 1,500
/// payments of a single instant, where only the id orders them. The export's log records are kept.
/// </summary>
public sealed class PaymentExportHistory<TProvider> : IAsyncLifetime where TProvider : IProviderUnderTest
{
    public const int Count = 20_000;
    private const int AtOneInstant = 1_500;

    public PaymentExportHistory() =>
        App = new ExtendedPortalApp(builder => builder.ConfigureLogging(logging => logging
            .AddProvider(Log)
            .AddFilter<LogRecorder>(typeof(PaymentExportEndpoints).FullName, LogLevel.Information)), provider: TProvider.Provider);

    public ExtendedPortalApp App { get; }

    public LogRecorder Log { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        var demo = await DemoCheckouts.MerchantAsync(App.Services, DemoData.DemoShop);
        var contexts = App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await new PaymentHistoryBuilder(demo).WithCount(Count - AtOneInstant)
            .StartingAt(TestClock.Now.AddDays(-30), TimeSpan.FromMinutes(1)).WithReferencePrefix("BULK-").SaveAsync(contexts);
        await new PaymentHistoryBuilder(demo).WithCount(AtOneInstant)
            .StartingAt(TestClock.Now.AddDays(-20), TimeSpan.Zero).WithReferencePrefix("TIE-").SaveAsync(contexts);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
