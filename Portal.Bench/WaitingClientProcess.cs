using System.Diagnostics;
using System.Text.Json;

namespace Portal.Bench;

/// <summary>
/// The bench started again as <c>--waiting-client</c>, its standard streams piped: the plan goes in as one JSON line,
/// its free text is printed as it comes, and its <see cref="WaitingProtocol"/> lines are answered.
/// </summary>
internal sealed class WaitingClientProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WaitingReport> _report = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _relay;

    private WaitingClientProcess(Process process)
    {
        _process = process;
        _relay = Task.WhenAll(RelayAsync(process.StandardOutput, Console.Out), RelayAsync(process.StandardError, Console.Error));
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

    public async Task SendPlanAsync(WaitingPlan plan)
    {
        await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(plan, WaitingJson.Options));
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Once every page is open and idle: how many opened.</summary>
    public Task<int> ReadyAsync() => UnlessExitedAsync(_ready.Task);

    public async Task<WaitingReport> GoAsync()
    {
        await _process.StandardInput.WriteLineAsync(WaitingProtocol.Go);
        await _process.StandardInput.FlushAsync();
        return await UnlessExitedAsync(_report.Task);
    }

    private async Task<T> UnlessExitedAsync<T>(Task<T> awaited)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(awaited, exited) != awaited)
        {
            // The output may still hold the line we wait for: let the relay finish before deciding.
            await _relay;
            if (!awaited.IsCompleted)
            {
                throw new InvalidOperationException($"The client process ended (exit code {_process.ExitCode}) before it answered.");
            }
        }
        return await awaited;
    }

    private async Task RelayAsync(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(WaitingProtocol.Ready + " ", StringComparison.Ordinal))
            {
                _ready.TrySetResult(int.Parse(line.AsSpan(WaitingProtocol.Ready.Length + 1), System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (line.StartsWith(WaitingProtocol.ReportPrefix, StringComparison.Ordinal))
            {
                _report.TrySetResult(JsonSerializer.Deserialize<WaitingReport>(line.AsSpan(WaitingProtocol.ReportPrefix.Length), WaitingJson.Options)
                    ?? throw new InvalidOperationException("The client's report is empty."));
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
