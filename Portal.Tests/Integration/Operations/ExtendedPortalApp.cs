using Microsoft.AspNetCore.Hosting;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Operations;

/// <summary>The real Portal of <see cref="PortalApp"/> with one thing more of the test's own: a log provider, a span processor.</summary>
public sealed class ExtendedPortalApp(Action<IWebHostBuilder> extend, IDictionary<string, string?>? settings = null,
    DatabaseProvider provider = DatabaseProvider.Sqlite) : PortalApp(settings, provider: provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        extend(builder);
    }
}
