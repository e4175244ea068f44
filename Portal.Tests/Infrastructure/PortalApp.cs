using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real Portal on a real 127.0.0.1 port (Kestrel), with its own SQLite files in a fresh folder and the demo data
/// seeded, as `dotnet run` gives a new user. Settings override appsettings.json; a <see cref="TimeProvider"/> may be given.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;

    public PortalApp(IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        // No sample-shop key and webhook endpoint (at localhost:5090) unless a test asks: they would add deliveries.
        _settings.TryAdd("Demo:SampleShop", "false");
        _time = time;
        DataDirectory = TestPaths.NewTempDirectory("portal-app");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234/. Starts the server on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_time));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        TestPaths.TryDelete(DataDirectory);
    }
}
