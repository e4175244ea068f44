using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real Portal on a real 127.0.0.1 port (Kestrel), with its own SQLite files in a fresh folder (or its own fresh,
/// migrated PostgreSQL database) and the demo data seeded, as `dotnet run` gives a new user. Settings override appsettings.json;
/// a <see cref="TimeProvider"/> may be given.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private readonly PostgresDatabase? _postgres;

    public PortalApp(IDictionary<string, string?>? settings = null, TimeProvider? time = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        // No sample-shop key and webhook endpoint (at localhost:5090) unless a test asks: they would add deliveries.
        _settings.TryAdd("Demo:SampleShop", "false");
        foreach (var (key, value) in TestVelocityLimits.Generous)
        {
            _settings.TryAdd(key, value);
        }
        // Every test signs in from 127.0.0.1, some with wrong passwords on purpose: the per-address lockout is for the
        // tests that set their own.
        _settings.TryAdd("Staff:Lockout:MaxFailuresPerAddress", "100000");
        if (provider == DatabaseProvider.Postgres)
        {
            // Migrated already, as a copy of the run's template: the app's own migration at start then has nothing to do.
            _postgres = PostgresDatabase.CreateMigrated();
            foreach (var (key, value) in _postgres.Settings)
            {
                _settings[key] = value;
            }
        }
        Provider = provider;
        _time = time;
        DataDirectory = TestPaths.NewTempDirectory("portal-app");
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    /// <summary>Where Portal's data is: SQLite files in <see cref="DataDirectory"/>, or a database of its own on PostgreSQL.</summary>
    public DatabaseProvider Provider { get; }

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
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        TestPaths.TryDelete(DataDirectory);
    }
}
