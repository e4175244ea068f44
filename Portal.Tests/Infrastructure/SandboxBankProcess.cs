using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The sandbox bank run alone as its own process (its built Portal.SandboxBank.dll, as <c>dotnet run --project
/// Portal.SandboxBank</c> starts it), with its SQLite file in a folder of the test's, for Portals to share over HTTP.
/// </summary>
public sealed class SandboxBankProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SandboxBankProcess(Process process, Uri baseAddress, string databaseFile)
    {
        _process = process;
        BaseAddress = baseAddress;
        DatabaseFile = databaseFile;
    }

    public Uri BaseAddress { get; }

    public string DatabaseFile { get; }

    /// <summary>Everything the process wrote so far, standard output and error interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the bank (in Development: test payers and the demo merchants' accounts) and waits until it is live.</summary>
    public static async Task<SandboxBankProcess> StartAsync(string dataDirectory, string signingSecret,
        IDictionary<string, string>? settings = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var appDirectory = AppDirectory();
        var databaseFile = Path.Combine(dataDirectory, "standalone-bank.db");
        var start = new ProcessStartInfo("dotnet",
            $"\"{Path.Combine(appDirectory, "Portal.SandboxBank.dll")}\" --urls {baseAddress.ToString().TrimEnd('/')}")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__SandboxBank"] = $"Data Source={databaseFile}";
        start.Environment["SandboxBank__SigningSecret"] = signingSecret;
        start.Environment["SandboxBank__PinHashIterations"] = "1000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the sandbox bank.");
        var bank = new SandboxBankProcess(process, baseAddress, databaseFile);
        process.OutputDataReceived += (_, e) => bank.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bank.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bank.WaitUntilLiveAsync();
        }
        catch
        {
            await bank.DisposeAsync();
            throw;
        }
        return bank;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    // Live once it listens, and it listens only after migrating and seeding.
    private async Task WaitUntilLiveAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sandbox bank exited at start with code {_process.ExitCode}: {Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health/live"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The sandbox bank did not come up: {Output}");
    }

    // The bank's own build output, of the same configuration as these tests.
    private static string AppDirectory()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var directory = Path.Combine(TestPaths.RepositoryRoot, "Portal.SandboxBank", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "Portal.SandboxBank.dll"))
            ? directory
            : throw new InvalidOperationException($"Build Portal.SandboxBank ({configuration}) first: {directory} has no Portal.SandboxBank.dll.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
