using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// nginx with the configuration Portal ships for several instances (docker/nginx/portal-instances.conf), the instances'
/// addresses, its own port and a self-signed certificate swapped in and nothing else, so what the tests pass through is
/// what an operator runs. Listens on https://127.0.0.1:port; browsers must accept its certificate.
/// </summary>
public sealed partial class LoadBalancer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly Process _process;

    private LoadBalancer(string directory, Process process, int port)
    {
        _directory = directory;
        _process = process;
        BaseAddress = new Uri($"https://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    public static string ShippedConfiguration => Path.Combine(TestPaths.RepositoryRoot, "docker", "nginx", "portal-instances.conf");

    public static async Task<LoadBalancer> StartAsync(IReadOnlyList<Uri> instances, int? port = null)
    {
        var directory = TestPaths.NewTempDirectory("nginx");
        foreach (var folder in new[] { "logs", "temp" })
        {
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }
        var (certificate, key) = WriteCertificate(directory);
        var listen = port ?? FreePort();
        var servers = string.Join("\n", instances.Select(i => $"    server {i.Host}:{i.Port} max_fails=1 fail_timeout=10s;"));
        var shipped = await File.ReadAllTextAsync(ShippedConfiguration);
        var site = UpstreamServers().Replace(shipped, servers + "\n", 1);
        site = RedirectServer().Replace(site, "", 1);
        site = site.Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{listen} ssl http2;", StringComparison.Ordinal)
            .Replace("/etc/nginx/certs/portal.crt", certificate, StringComparison.Ordinal)
            .Replace("/etc/nginx/certs/portal.key", key, StringComparison.Ordinal);
        if (!site.Contains($"127.0.0.1:{listen}", StringComparison.Ordinal) || !site.Contains(servers, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{ShippedConfiguration} no longer has the lines this fixture swaps.");
        }
        await File.WriteAllTextAsync(Path.Combine(directory, "portal-instances.conf"), site);
        var temp = Path.Combine(directory, "temp");
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/logs/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log {{directory}}/logs/access.log;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{directory}}/portal-instances.conf;
            }
            """);
        var start = new ProcessStartInfo("nginx", $"-c \"{Path.Combine(directory, "nginx.conf")}\" -p \"{directory}/\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start nginx (apt-get install nginx-light).");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var balancer = new LoadBalancer(directory, process, listen);
        await balancer.WaitUntilListeningAsync(listen);
        return balancer;
    }

    public string ErrorLog => File.Exists(Path.Combine(_directory, "logs", "error.log"))
        ? File.ReadAllText(Path.Combine(_directory, "logs", "error.log"))
        : "";

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        TestPaths.TryDelete(_directory);
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {ErrorLog}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static (string Certificate, string Key) WriteCertificate(string directory)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var certificatePath = Path.Combine(directory, "portal.crt");
        var keyPath = Path.Combine(directory, "portal.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(    server portal-[ab]:8080[^\n]*\n)+")]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"server \{\s*listen 80;.*?\n\}\n", RegexOptions.Singleline)]
    private static partial Regex RedirectServer();
}
