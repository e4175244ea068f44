using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text.Json;
using Portal.Domain.Rails;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// <c>--waiting-client</c>: the customers' side of <c>--waiting</c>, in its own process so that its sockets and memory
/// are not the server's (one process holds at most 20,000 open files here, and a circuit is a socket at each end).
/// It opens every page as a real Blazor circuit (no browser), says <see cref="WaitingProtocol.Ready"/> once all are idle,
/// waits for <see cref="WaitingProtocol.Go"/>, then posts the bank's signed callbacks at the plan's rate and times each
/// page's push: from its callback's send to the first render batch on its circuit after it. Both ends are timed here,
/// on one clock.
/// </summary>
internal static class WaitingClient
{
    private const int OpenConcurrency = 32;
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(TextReader input, TextWriter output)
    {
        var planLine = await input.ReadLineAsync() ?? throw new InvalidOperationException("No plan on standard input.");
        var plan = JsonSerializer.Deserialize<WaitingPlan>(planLine, WaitingJson.Options)
            ?? throw new InvalidOperationException("The plan on standard input is empty.");
        var pages = plan.Pages.Count;
        await output.WriteLineAsync(Invariant(
            $"Client process {Environment.ProcessId}: opening {pages} pages, {(GCSettings.IsServerGC ? "server" : "workstation")} GC."));

        using var pagesHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = plan.BaseAddress };
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var circuits = new BlazorCircuit?[pages];
        var openFailures = new ConcurrentDictionary<string, int>();
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages), new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency },
            async (i, ct) =>
            {
                try
                {
                    circuits[i] = await BlazorCircuit.OpenAsync(pagesHttp, plan.BaseAddress, $"/pay/{plan.Pages[i].Token}", plan.Deflate, ct);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or
                                              System.Net.WebSockets.WebSocketException or TaskCanceledException or
                                              Microsoft.AspNetCore.SignalR.HubException)
                {
                    openFailures.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
                }
            });
        var opened = circuits.Count(c => c is not null);
        await WaitIdleAsync(circuits, output);
        await output.WriteLineAsync(Invariant(
            $"Opened {opened}/{pages} circuits in {opening.Elapsed.TotalSeconds:F1} s (incl. settling to idle); render batches so far: {circuits.Sum(c => c?.Batches ?? 0)}, JS calls answered: {circuits.Sum(c => c?.JSCalls ?? 0)}."));
        foreach (var (kind, n) in openFailures)
        {
            await output.WriteLineAsync(Invariant($"  open failed x{n}: {kind}"));
        }
        var clientKbPerPage = (GC.GetTotalMemory(forceFullCollection: true) - managedBefore) / 1024.0 / Math.Max(opened, 1);
        await output.WriteLineAsync(Invariant($"Client's own managed heap per page: {clientKbPerPage:F1} KB (not counted against the server)."));

        await output.WriteLineAsync(Invariant($"{WaitingProtocol.Ready} {opened}"));
        string? line;
        while ((line = await input.ReadLineAsync()) is not null && line != WaitingProtocol.Go)
        {
        }
        if (line is null)
        {
            // The server side went away: nothing to post to.
            return 1;
        }

        var (latencies, missing, callbackFailures, perSecond) = await PushAsync(plan, circuits, output);
        var held = circuits.Count(c => c is { Held: true });
        await output.WriteLineAsync(Invariant(
            $"Callbacks at {plan.Rate}/s: {latencies.Count} pushes timed, {missing} without a render batch within {PushTimeout.TotalSeconds:F0} s, {callbackFailures} callbacks not 200."));
        await output.WriteLineAsync("  push: from the signed callback's send to the first render batch on that page's circuit after it.");

        await Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency }, async (c, _) =>
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        });

        var report = new WaitingReport(opened, held, latencies.Count, missing, callbackFailures, perSecond,
            latencies.Percentile(50), latencies.Percentile(99), clientKbPerPage);
        await output.WriteLineAsync(WaitingProtocol.ReportPrefix + JsonSerializer.Serialize(report, WaitingJson.Options));
        return 0;
    }

    /// <summary>Until every open page has had its first render and the one its first OnAfterRender asks for, then a quiet second.</summary>
    private static async Task WaitIdleAsync(BlazorCircuit?[] circuits, TextWriter output)
    {
        var deadline = Stopwatch.StartNew();
        var last = -1;
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            var batches = circuits.Sum(c => c?.Batches ?? 0);
            if (batches == last && circuits.All(c => c is null || c.Batches >= 2 || !c.Held))
            {
                return;
            }
            last = batches;
            await Task.Delay(1000);
        }
        await output.WriteLineAsync("  warning: pages still rendering after 2 minutes.");
    }

    private static async Task<(Latencies Latencies, int Missing, int CallbackFailures, double PerSecond)> PushAsync(
        WaitingPlan plan, BlazorCircuit?[] circuits, TextWriter output)
    {
        // Signed at send time as the bank signs its callbacks: the timestamp must be within the clock tolerance (30 s).
        var signer = new MessageSigner(plan.SigningSecret);
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 });
        var latencies = new Latencies(circuits.Length);
        var pushes = new List<Task>(circuits.Length);
        var sends = new List<Task<bool>>(circuits.Length);
        var missing = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < circuits.Length; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / plan.Rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }
            var circuit = circuits[i];
            if (circuit is null)
            {
                continue;
            }
            var sentAt = Stopwatch.GetTimestamp();
            var push = circuit.ArmPush(sentAt);
            pushes.Add(TimePushAsync(push, sentAt));
            sends.Add(SendCallbackAsync(http, signer, plan.CallbackAddress, plan.Pages[i].CallbackBody));
        }
        var results = await Task.WhenAll(sends);
        var answered = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(pushes);
        var perSecond = sends.Count / answered.TotalSeconds;
        await output.WriteLineAsync(Invariant(
            $"All {sends.Count} callbacks answered after {answered.TotalSeconds:F2} s ({perSecond:F0}/s; sending at {plan.Rate}/s takes {sends.Count / (double)plan.Rate:F2} s)."));
        return (latencies, missing, results.Count(ok => !ok), perSecond);

        async Task TimePushAsync(Task<long> push, long sentAt)
        {
            try
            {
                latencies.Add(sentAt, await push.WaitAsync(PushTimeout));
            }
            catch (TimeoutException)
            {
                Interlocked.Increment(ref missing);
            }
        }
    }

    private static async Task<bool> SendCallbackAsync(HttpClient http, MessageSigner signer, Uri callbackUri, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // X-Portal-Timestamp/Nonce/Signature over timestamp.nonce.body, as the sandbox bank's BankRequestAuthenticator signs.
        var timestamp = MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow);
        var nonce = Guid.NewGuid().ToString("N");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader, signer.Sign(timestamp, nonce, body));
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
