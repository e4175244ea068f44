using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Portal as its own operating-system process (the built Portal.dll, as `dotnet run` or the container starts it), so a
/// test can kill it outright, the way a crash or a power cut does, and start it again on the same data; or start it in
/// Production and read what it says when it refuses to start.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortalProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the process wrote so far, standard output and error interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The operating system's id of the process: part of the instance id its claims in the database carry.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts Portal and waits until it answers (in Development, with the demo, unless settings say otherwise).</summary>
    public static async Task<PortalProcess> StartAsync(string dataDirectory, IDictionary<string, string> settings, int? port = null,
        string environment = "Development")
    {
        var portal = Launch(dataDirectory, settings, port, environment, arguments: null);
        await portal.WaitUntilReadyAsync();
        return portal;
    }

    /// <summary>
    /// Starts Portal.dll with <paramref name="arguments"/> (a command such as <c>migrate</c>, or nothing) and does not wait:
    /// for a start that is expected to fail, or a command that exits.
    /// </summary>
    public static PortalProcess Launch(string dataDirectory, IDictionary<string, string> settings, int? port = null,
        string environment = "Development", string? arguments = null)
    {
        port ??= FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var appDirectory = AppDirectory();
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(appDirectory, "Portal.dll")}\" {arguments}".TrimEnd())
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Demo__SampleShop"] = "false";
        foreach (var (key, value) in TestVelocityLimits.Generous)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Portal.");
        var portal = new PortalProcess(process, baseAddress);
        // Drain both streams so a chatty process never blocks on a full pipe, and keep them for the test to read.
        process.OutputDataReceived += (_, e) => portal.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return portal;
    }

    /// <summary>Writes a line to the process's standard input (an answer to a prompt).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>
    /// Waits for the process to end by itself; its exit code. The limit only catches a process that hangs: a command
    /// that starts a whole Portal (migrations, PBKDF2) took over a minute on two cores busy with builds.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(4));
        await _process.WaitForExitAsync(cancellation.Token);
        // The asynchronous readers may still hold the last lines.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once, with no chance to finish what it was doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
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

    // Ready is what a load balancer waits for: /health/ready answers 200 once the database is ready (the demo seeded, in
    // Development). Each ask may take long on a loaded machine (the first requests compile), so it is never cut short
    // and asked again: the deadline only stops a Portal that never gets there.
    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Portal exited at start with code {_process.ExitCode}: {Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "health/ready"));
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
        throw new TimeoutException($"Portal did not become ready: {Output}");
    }

    // The web app's own build output, of the same configuration as these tests.
    private static string AppDirectory()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";
        var directory = Path.Combine(TestPaths.RepositoryRoot, "Portal", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(directory, "Portal.dll"))
            ? directory
            : throw new InvalidOperationException($"Build Portal ({configuration}) first: {directory} has no Portal.dll.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
