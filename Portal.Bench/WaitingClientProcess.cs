using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace Portal.Bench;

/// <summary>
/// The bench started again as <c>--waiting-client</c>, its standard streams piped: the plan goes in as one JSON line,
/// its free text is printed as it comes, and its <see cref="WaitingProtocol"/> lines are answered.
/// </summary>
internal sealed class WaitingClientProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _said = Channel.CreateUnbounded<string>();
    private readonly Task _relay;

    private WaitingClientProcess(Process process)
    {
        _process = process;
        _relay = Task.WhenAll(RelayAsync(process.StandardOutput, Console.Out), RelayAsync(process.StandardError, Console.Error))
            .ContinueWith(_ => _said.Writer.TryComplete(), TaskScheduler.Default);
    }

    public int Id => _process.Id;

    /// <summary>Starts this same program as the client. A customer's browser is not a .NET server: workstation GC.</summary>
    public static WaitingClientProcess Start()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The bench cannot find its own executable.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Started as `dotnet Portal.Bench.dll`: the host needs the assembly again.
            start.ArgumentList.Add(typeof(WaitingClientProcess).Assembly.Location);
        }
        start.ArgumentList.Add("--waiting-client");
        start.Environment["DOTNET_gcServer"] = "0";
        return new WaitingClientProcess(Process.Start(start) ?? throw new InvalidOperationException("The client process did not start."));
    }

    public Task SendPlanAsync(WaitingPlan plan) => SayAsync(JsonSerializer.Serialize(plan, WaitingJson.Options));

    public async Task SayAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the client's next protocol line, which must start with <paramref name="expected"/>; returns what follows it.</summary>
    public async Task<string> HearAsync(string expected)
    {
        if (!await _said.Reader.WaitToReadAsync() || !_said.Reader.TryRead(out var line))
        {
            await _process.WaitForExitAsync();
            throw new InvalidOperationException($"The client process ended (exit code {_process.ExitCode}) before it said {expected}.");
        }
        return line.StartsWith(expected, StringComparison.Ordinal)
            ? line[expected.Length..].Trim()
            : throw new InvalidOperationException($"The client said \"{line}\" where {expected} was due.");
    }

    public async Task<int> HearReadyAsync() => int.Parse(await HearAsync(WaitingProtocol.Ready), CultureInfo.InvariantCulture);

    public async Task<WaitingReport> HearReportAsync() =>
        JsonSerializer.Deserialize<WaitingReport>(await HearAsync(WaitingProtocol.ReportPrefix.Trim()), WaitingJson.Options)
        ?? throw new InvalidOperationException("The client's report is empty.");

    private async Task RelayAsync(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('@'))
            {
                await _said.Writer.WriteAsync(line);
            }
            else
            {
                await to.WriteLineAsync("  client: " + line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        await _relay;
        _process.Dispose();
    }
}
