using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Production;

/// <summary>
/// Portal.dll started outside Development, as a deployment starts it: from <see cref="ProductionSettings.Safe"/> with the
/// settings a test changes (a null value leaves a setting out), in a data folder of its own, deleted on dispose.
/// </summary>
public sealed class ProductionPortal : IAsyncDisposable
{
    public const string Environment = "Production";

    private readonly List<PortalProcess> _processes = [];

    public string DataDirectory { get; } = TestPaths.NewTempDirectory("production");

    public static Dictionary<string, string> Settings(params (string Key, string? Value)[] changes)
    {
        var settings = ProductionSettings.Safe();
        settings[ProductionSettings.BehindLocalProxy.Key] = ProductionSettings.BehindLocalProxy.Value;
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }
        return settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
    }

    /// <summary>Starts Portal and does not wait: for a start that is refused, a command, or a wait of the test's own.</summary>
    public PortalProcess Launch(IDictionary<string, string> settings, string? arguments = null, int? port = null)
    {
        var portal = PortalProcess.Launch(DataDirectory, settings, port, Environment, arguments);
        _processes.Add(portal);
        return portal;
    }

    /// <summary>Starts Portal and waits until it serves its sign-in page.</summary>
    public async Task<PortalProcess> StartAsync(IDictionary<string, string> settings)
    {
        var portal = await PortalProcess.StartAsync(DataDirectory, settings, environment: Environment);
        _processes.Add(portal);
        return portal;
    }

    /// <summary>Runs a command (or a start that is refused) to its end: its exit code and everything it said.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> settings, string? arguments = null)
    {
        var portal = Launch(settings, arguments);
        var exitCode = await portal.WaitForExitAsync();
        return (exitCode, portal.Output);
    }

    /// <summary>Runs Portal once in Development on the same data, so that the demo is seeded there, and stops it.</summary>
    public async Task SeedDemoAsync(IDictionary<string, string> settings)
    {
        await using var development = await PortalProcess.StartAsync(DataDirectory, settings);
    }

    /// <summary>Asks <paramref name="path"/> until it answers <paramref name="status"/>; that answer's body.</summary>
    public static async Task<string> WaitForStatusAsync(PortalProcess portal, string path, HttpStatusCode status,
        TimeSpan? timeout = null)
    {
        // Each ask may take long on a loaded machine; it is never cut short and asked again.
        using var http = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline && !portal.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(path);
                if (response.StatusCode == status)
                {
                    return await response.Content.ReadAsStringAsync();
                }
                last = response.StatusCode;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{path} did not answer {(int)status} (last {(int?)last}; exited {portal.HasExited}): {portal.Output}");
    }

    /// <summary>Lines of a .NET stack trace ("   at Type.Method(…)"): a refusal is a sentence, never a crash.</summary>
    public static IEnumerable<string> StackTraceLines(string output) =>
        output.Split('\n').Where(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.StartsWith("   ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        foreach (var portal in _processes)
        {
            await portal.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestPaths.TryDelete(DataDirectory);
    }
}
