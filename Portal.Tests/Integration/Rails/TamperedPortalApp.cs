using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Portal.Rails;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Rails;

/// <summary>Portal with its embedded bank, whose rail client's answers pass through <see cref="Tamperer"/>.</summary>
public sealed class TamperedPortalApp(IDictionary<string, string?> settings) : PortalApp(settings)
{
    public RailTamperer Tamperer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // A new handler each time the factory builds the chain (a DelegatingHandler has one inner handler for life).
        builder.ConfigureServices(services => services.Configure<HttpClientFactoryOptions>(nameof(HttpPaymentRail),
            options => options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.AdditionalHandlers.Add(new TamperingHandler(Tamperer)))));
    }
}
