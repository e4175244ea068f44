using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Bench;

/// <summary>
/// The real Portal on a real 127.0.0.1 port (Kestrel), as the tests host it: Development (demo merchants seeded), its
/// SQLite files in a fresh temp folder (or the database the settings name), log level Warning so that logging does not
/// become what is measured.
/// </summary>
internal sealed class BenchPortal : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public BenchPortal(IReadOnlyDictionary<string, string?> database, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = (settings ?? new Dictionary<string, string?>()).Concat(database).ToDictionary();
        DataDirectory = Directory.CreateTempSubdirectory("portal-bench-").FullName;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        // No sample-shop webhook endpoint (localhost:5090): its failing deliveries would run beside what is measured.
        builder.UseSetting("Demo:SampleShop", "false");
        // appsettings.json says Information by default; the setting overrides it, the filter covers providers' own.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // Thousands of customers from one address: the velocity limits would measure themselves, not the checkout.
        foreach (var limit in new[] { "PayPerAddress", "PayPerAccount", "ChoosePerAddress", "StorePerAddress", "AccountFormsPerAddress" })
        {
            builder.UseSetting($"VelocityLimits:{limit}:Burst", "1000000");
            builder.UseSetting($"VelocityLimits:{limit}:Every", "00:00:00.001");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still mapped by a pooled connection: the temp folder is the OS's to clean.
        }
    }
}
