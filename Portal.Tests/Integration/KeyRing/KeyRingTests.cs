using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Merchants;
using Portal.Tests.Infrastructure;
using Portal.Webhooks;

namespace Portal.Tests.Integration.KeyRing;

/// <summary>
/// Portal's Data Protection keys live in its database: a restarted process (or another instance) reads the same ring,
/// so staff stay signed in and webhook secrets stay readable; with a certificate the keys are encrypted at rest.
/// </summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestPaths.NewTempDirectory("key-ring");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TestPaths.TryDelete(_dataDirectory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Restart_SignedInStaff_StaysSignedIn()
    {
        var first = await PortalProcess.StartAsync(_dataDirectory, new Dictionary<string, string>());
        var port = first.BaseAddress.Port;
        HttpClient staff;
        await using (first)
        {
            staff = await StaffHttpClient.SignInAsync(first.BaseAddress, "owner@demo.test");
            first.Kill();
        }

        await using var second = await PortalProcess.StartAsync(_dataDirectory, new Dictionary<string, string>(), port);
        using (staff)
        {
            using var admin = await staff.GetAsync("admin");

            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
    }

    [Fact]
    public async Task Certificate_Configured_KeysEncryptedAtRestAndReadAfterRestart()
    {
        var certificate = WriteCertificate("test-only-pfx-password");
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:Certificate:Path"] = certificate,
            ["DataProtection:Certificate:Password"] = "test-only-pfx-password",
        };
        var first = await PortalProcess.StartAsync(_dataDirectory, settings);
        var port = first.BaseAddress.Port;
        HttpClient staff;
        await using (first)
        {
            staff = await StaffHttpClient.SignInAsync(first.BaseAddress, "owner@demo.test");
            first.Kill();
        }

        var keys = await KeysAsync();
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        await using var second = await PortalProcess.StartAsync(_dataDirectory, settings, port);
        using (staff)
        {
            using var admin = await staff.GetAsync("admin");

            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }
    }

    [Fact]
    public async Task Start_CertificateFileMissing_RefusesNamingTheSetting()
    {
        await using var portal = PortalProcess.Launch(_dataDirectory, new Dictionary<string, string>
        {
            ["DataProtection:Certificate:Path"] = Path.Combine(_dataDirectory, "missing.pfx"),
        });

        Assert.NotEqual(0, await portal.WaitForExitAsync());
        Assert.Contains("DataProtection:Certificate:Path", portal.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", portal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OldWebhookKeyRingFolder_SecretsMovedToDatabaseRingOnce()
    {
        // An earlier build's data folder: the database, and the webhook secrets' own key ring beside it.
        var first = await PortalProcess.StartAsync(_dataDirectory, new Dictionary<string, string>());
        await using (first)
        {
            first.Kill();
        }
        const string secret = "whsec_made-by-an-earlier-build-0123456789";
        var folder = Path.Combine(_dataDirectory, "keys", "webhooks");
        var legacy = DataProtectionProvider.Create(new DirectoryInfo(folder), b => b.SetApplicationName("Portal.Webhooks"))
            .CreateProtector(WebhookSecrets.Purpose);
        Guid endpointId;
        await using (var db = OpenPortal())
        {
            var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
            var endpoint = WebhookEndpoint.Create(merchant.Id, "https://shop.test/hooks", null, WebhookEventTypes.All,
                allowHttp: false, legacy.Protect(secret), "whsec_made…", "tests", DateTimeOffset.UtcNow);
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
            endpointId = endpoint.Id;
        }

        await using (var second = await PortalProcess.StartAsync(_dataDirectory, new Dictionary<string, string>()))
        {
            second.Kill();
        }

        Assert.False(Directory.Exists(folder));
        Assert.True(Directory.Exists(folder + ".imported"));
        await using (var db = OpenPortal())
        {
            var protectedSecret = await db.WebhookEndpoints.Where(e => e.Id == endpointId).Select(e => e.ProtectedSecret).SingleAsync();
            Assert.Equal(secret, PortalKeyRing.WebhookSecrets(OpenPortal).Unprotect(protectedSecret));
        }
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var db = OpenPortal();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private SqlitePortalDbContext OpenPortal() => new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_dataDirectory, "portal.db")};Pooling=False").Options);

    // A self-signed RSA certificate with its private key, as an operator's PKCS#12 file.
    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Portal key ring (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_dataDirectory, "key-ring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
