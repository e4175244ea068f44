using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Hosting;

namespace Portal.KeyRing;

public static class KeyRingExtensions
{
    /// <summary>
    /// The name every Portal instance shares its keys under. Without it, ASP.NET Core isolates apps by content root, and
    /// two instances installed in different folders could not read each other's cookies.
    /// </summary>
    public const string ApplicationName = "Portal";

    /// <summary>
    /// ASP.NET Core Data Protection (sign-in cookies, antiforgery tokens, circuits, Identity's tokens, webhook secrets)
    /// with its keys in Portal's database, encrypted with <c>DataProtection:Certificate</c> when one is set.
    /// </summary>
    public static IHostApplicationBuilder AddPortalKeyRing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section);
        AddPortalKeyRing(builder.Services, builder.Configuration);
        builder.Services.AddHostedService<KeyRingStartupCheck>();
        return builder;
    }

    /// <summary>The same ring on any service collection whose <see cref="PortalDbContext"/> is registered (tools, tests).</summary>
    public static IDataProtectionBuilder AddPortalKeyRing(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var protection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
        services.AddSingleton<IPostConfigureOptions<KeyManagementOptions>>(provider =>
            new PostConfigureOptions<KeyManagementOptions>(Options.DefaultName, options =>
            {
                if (options.XmlRepository is { } repository && provider.GetService<DatabaseStatus>() is { } status)
                {
                    options.XmlRepository = new ReachableKeyRepository(repository, status);
                }
            }));
        if (options.Certificate is { IsSet: true } current)
        {
            protection.ProtectKeysWithCertificate(Load(current, "DataProtection:Certificate"));
        }
        var previous = options.PreviousCertificates.Where(c => c.IsSet)
            .Select((c, i) => Load(c, $"DataProtection:PreviousCertificates:{i}"))
            .ToArray();
        if (previous.Length > 0)
        {
            protection.UnprotectKeysWithAnyCertificate(previous);
        }
        return protection;
    }

    private static X509Certificate2 Load(KeyRingCertificate certificate, string setting)
    {
        X509Certificate2 loaded;
        if (!string.IsNullOrWhiteSpace(certificate.Path))
        {
            if (!File.Exists(certificate.Path))
            {
                throw new StartupRefusedException($"{setting}:Path names '{certificate.Path}', which does not exist.");
            }
            try
            {
                loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate.Path, certificate.Password,
                    X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException)
            {
                throw new StartupRefusedException(
                    $"{setting}:Path '{certificate.Path}' is not a PKCS#12 (.pfx) file that {setting}:Password opens.");
            }
        }
        else
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            loaded = store.Certificates.Find(X509FindType.FindByThumbprint, certificate.Thumbprint!, validOnly: false)
                .FirstOrDefault() ?? throw new StartupRefusedException(
                    $"{setting}:Thumbprint {certificate.Thumbprint} is not in the current user's certificate store.");
        }
        return loaded.HasPrivateKey
            ? loaded
            : throw new StartupRefusedException($"{setting} has no private key: Portal could not decrypt its own keys.");
    }
}
