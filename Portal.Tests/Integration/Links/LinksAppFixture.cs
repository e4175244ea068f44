using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Links;

/// <summary>
/// One running Portal per test class (starting one costs seconds), with Demo Shop's store QR code turned on; a derived
/// fixture may give settings.
/// </summary>
public class LinksAppFixture : IAsyncLifetime
{
    public LinksAppFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected LinksAppFixture(IDictionary<string, string?> settings) => App = new PortalApp(settings);

    public PortalApp App { get; }

    public string StoreToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _ = App.BaseAddress;
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        StoreToken = merchant.EnableStoreCode();
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
