using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Webhooks;

namespace Portal.Tests.Infrastructure;

/// <summary>The real app, whose webhooks resolve host names through <see cref="Dns"/> instead of the machine's resolver.</summary>
public sealed class FakeDnsPortalApp(IDictionary<string, string?>? settings = null, TimeProvider? time = null) : PortalApp(settings, time)
{
    public FakeDns Dns { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IWebhookHostResolver>(Dns));
    }
}
