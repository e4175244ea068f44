using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The sample shop (samples/DemoShop) as its own process on a free 127.0.0.1 port, the way a merchant runs it beside
/// Portal: it knows Portal only by address, an API key and a webhook secret, all given here as configuration.
/// </summary>
public sealed class DemoShopProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DemoShopProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public Uri WebhookUrl => new(BaseAddress, "webhooks/portal");

    /// <summary>What the shop printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<DemoShopProcess> StartAsync(Uri portal, string apiKey, string webhookSecret)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var dataDirectory = TestPaths.NewTempDirectory("demo-shop");
        var appDirectory = AppDirectory();
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(appDirectory, "DemoShop.dll")}\"")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Production: nothing comes from the shop's appsettings.Development.json demo values, all from here.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Portal__BaseUrl"] = portal.ToString();
        start.Environment["Portal__ApiKey"] = apiKey;
        start.Environment["Portal__WebhookSecret"] = webhookSecret;
        start.Environment["Shop__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Information";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the demo shop.");
        var shop = new DemoShopProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => shop.Append(e.Data);
        process.ErrorDataReceived += (_, e) => shop.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await shop.WaitUntilReadyAsync();
        return shop;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        TestPaths.TryDelete(DataDirectory);
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        // Each ask may take long on a loaded machine (the first request compiles); it is never cut short and asked again.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The demo shop exited at start with code {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(BaseAddress);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The demo shop did not start listening in time:\n{Output}");
    }

    // The shop's own build output, of the same configuration as these tests (the test project builds it).
    private static string AppDirectory()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var directory = Path.Combine(TestPaths.RepositoryRoot, "samples", "DemoShop", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "DemoShop.dll"))
            ? directory
            : throw new InvalidOperationException($"Build samples/DemoShop ({configuration}) first: {directory} has no DemoShop.dll.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
