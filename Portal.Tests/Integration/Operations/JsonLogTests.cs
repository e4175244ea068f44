using System.Text.Json;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration.Operations;

/// <summary>Outside Development the console is for a log collector: one JSON object per line, scopes included.</summary>
public sealed class JsonLogTests : IAsyncLifetime
{
    private readonly string _dataDirectory = TestPaths.NewTempDirectory("json-logs");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestPaths.TryDelete(_dataDirectory);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Start_InProduction_WritesEachLogLineAsJson()
    {
        var settings = ProductionSettings.Safe().ToDictionary(s => s.Key, s => s.Value ?? "");
        settings["Logging:LogLevel:Default"] = "Information";

        await using var portal = await PortalProcess.StartAsync(_dataDirectory, settings, environment: "Production");

        var lines = await Poll.UntilAsync(() => Task.FromResult(LinesOf(portal.Output, "Microsoft.Hosting.Lifetime")),
            "the host to log that it started");
        using var started = JsonDocument.Parse(lines[0]);
        Assert.Equal("Information", started.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal(JsonValueKind.Array, started.RootElement.GetProperty("Scopes").ValueKind);
        Assert.True(started.RootElement.TryGetProperty("Timestamp", out _));
    }

    private static List<string>? LinesOf(string output, string category)
    {
        var lines = output.Split('\n').Where(l => l.StartsWith('{') && l.Contains($"\"Category\":\"{category}\"", StringComparison.Ordinal)).ToList();
        return lines.Count > 0 ? lines : null;
    }
}
