using Microsoft.AspNetCore.Hosting;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Proxy;

/// <summary>
/// Portal in Production on a real 127.0.0.1 port: <see cref="ProductionSettings.Safe"/> plus the test's settings, and
/// no demo data.
/// </summary>
public sealed class ProductionPortalApp(IDictionary<string, string?> settings)
    : PortalApp(new Dictionary<string, string?>(ProductionSettings.Safe().Concat(settings)))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}
