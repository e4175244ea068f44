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
/// It opens every page as a real Blazor circuit (no browser) and, when told, posts the bank's signed callbacks at the
/// plan's rate and times each page's push: from its callback's send to the first render batch on its circuit after
/// it. Both ends are timed here, on one clock. The exchange with the server side is in <see cref="WaitingProtocol"/>.
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
        await output.WriteLineAsync(Invariant(
            $"Client process {Environment.ProcessId}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC: {plan.WarmupPages.Count} warm-up pages, then {plan.Pages.Count} measured."));
        using var pagesHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = plan.Instances[0].BaseAddress };
        using var callbacksHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 });
        var signer = new MessageSigner(plan.SigningSecret);

        if (plan.WarmupPages.Count > 0)
        {
            var warmup = await OpenAllAsync(pagesHttp, plan, plan.WarmupPages, output);
            var warm = await PushAsync(callbacksHttp, signer, plan, plan.WarmupPages, warmup, output);
            await output.WriteLineAsync(Invariant(
                $"Warm-up (not counted): {warm.Latencies.Count} pushes, p50 {warm.Latencies.Percentile(50):F1} ms, p99 {warm.Latencies.Percentile(99):F1} ms; closing those pages."));
            await CloseAllAsync(warmup);
        }
        if (!await AwaitAsync(input, WaitingProtocol.Warmed, WaitingProtocol.Open, output))
        {
            return 1;
        }

        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var circuits = await OpenAllAsync(pagesHttp, plan, plan.Pages, output);
        var opened = circuits.Count(c => c is not null);
        var clientKbPerPage = (GC.GetTotalMemory(forceFullCollection: true) - managedBefore) / 1024.0 / Math.Max(opened, 1);
        await output.WriteLineAsync(Invariant($"Client's own managed heap per page: {clientKbPerPage:F1} KB (not counted against the server)."));
        if (!await AwaitAsync(input, Invariant($"{WaitingProtocol.Ready} {opened}"), WaitingProtocol.Go, output))
        {
            return 1;
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gc = GcWindow.Start();
        var pushed = await PushAsync(callbacksHttp, signer, plan, plan.Pages, circuits, output);
        var cpuPerCallback = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(pushed.Sent, 1);
        var held = circuits.Count(c => c is { Held: true });
        await output.WriteLineAsync(Invariant(
            $"Callbacks at {plan.Rate}/s: {pushed.Latencies.Count} pushes timed, {pushed.Missing} without a render batch within {PushTimeout.TotalSeconds:F0} s, {pushed.CallbackFailures} callbacks not 200."));
        await output.WriteLineAsync("  push: from the signed callback's send to the first render batch on that page's circuit after it.");
        await output.WriteLineAsync($"Client GCs meanwhile: {gc.Describe()}.");
        var report = new WaitingReport(pushed.Sent, opened, held, pushed.Latencies.Count, pushed.Missing, pushed.CallbackFailures,
            pushed.PerSecond, pushed.Latencies.Percentile(50), pushed.Latencies.Percentile(99), clientKbPerPage, cpuPerCallback);
        await output.WriteLineAsync(WaitingProtocol.ReportPrefix + JsonSerializer.Serialize(report, WaitingJson.Options));
        // Closed after the report, so that the server's CPU for the callbacks does not include hanging up, and once the
        // server has measured the paid pages (or went away).
        string? line;
        while ((line = await input.ReadLineAsync()) is not null && line != WaitingProtocol.Close)
        {
        }
        await CloseAllAsync(circuits);
        return 0;
    }

    /// <summary>Says <paramref name="said"/> and waits for <paramref name="answer"/>; false when the server side went away.</summary>
    private static async Task<bool> AwaitAsync(TextReader input, string said, string answer, TextWriter output)
    {
        await output.WriteLineAsync(said);
        string? line;
        while ((line = await input.ReadLineAsync()) is not null && line != answer)
        {
        }
        return line is not null;
    }

    private static async Task<BlazorCircuit?[]> OpenAllAsync(HttpClient http, WaitingPlan plan, IReadOnlyList<WaitingPage> pages,
        TextWriter output)
    {
        var circuits = new BlazorCircuit?[pages.Count];
        var failures = new ConcurrentDictionary<string, int>();
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages.Count), new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency },
            async (i, ct) =>
            {
                try
                {
                    circuits[i] = await BlazorCircuit.OpenAsync(http, plan.PageAddress(pages[i]), $"/pay/{pages[i].Token}", plan.Deflate, ct);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or
                                              System.Net.WebSockets.WebSocketException or TaskCanceledException)
                {
                    failures.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
                }
            });
        await WaitIdleAsync(circuits, output);
        await output.WriteLineAsync(Invariant(
            $"Opened {circuits.Count(c => c is not null)}/{pages.Count} circuits in {opening.Elapsed.TotalSeconds:F1} s (incl. settling to idle); render batches so far: {circuits.Sum(c => c?.Batches ?? 0)}, JS calls answered: {circuits.Sum(c => c?.JSCalls ?? 0)}."));
        foreach (var (kind, n) in failures)
        {
            await output.WriteLineAsync(Invariant($"  open failed x{n}: {kind}"));
        }
        return circuits;
    }

    private static Task CloseAllAsync(BlazorCircuit?[] circuits) =>
        Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency }, async (c, _) =>
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        });

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

    private sealed record Pushed(Latencies Latencies, int Sent, int Missing, int CallbackFailures, double PerSecond);

    private static async Task<Pushed> PushAsync(HttpClient http, MessageSigner signer, WaitingPlan plan,
        IReadOnlyList<WaitingPage> pages, BlazorCircuit?[] circuits, TextWriter output)
    {
        var latencies = new Latencies(circuits.Length);
        var pushes = new List<Task>(circuits.Length);
        var sends = new List<Task<bool>>(circuits.Length);
        var missing = 0;
        var start = Stopwatch.GetTimestamp();
        // Paced on a thread of its own that sleeps between sends. Awaiting Task.Delay(1) per callback instead put a
        // timer in the process's timer queue a thousand times a second, and every timer firing walks that queue, which
        // holds each hub connection's own timer: with 10,000 pages that walk was a fifth of this process's CPU.
        var pacer = new Thread(() =>
        {
            for (var i = 0; i < circuits.Length; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / plan.Rate);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }
                var circuit = circuits[i];
                if (circuit is null)
                {
                    continue;
                }
                var sentAt = Stopwatch.GetTimestamp();
                var push = circuit.ArmPush(sentAt);
                pushes.Add(TimePushAsync(push, sentAt));
                sends.Add(SendCallbackAsync(http, signer, plan.CallbackAddress(pages[i]), pages[i].CallbackBody));
            }
        }) { IsBackground = true, Name = "Callback pacer" };
        pacer.Start();
        await Task.Run(pacer.Join);
        var results = await Task.WhenAll(sends);
        var answered = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(pushes);
        var perSecond = sends.Count / answered.TotalSeconds;
        await output.WriteLineAsync(Invariant(
            $"All {sends.Count} callbacks answered after {answered.TotalSeconds:F2} s ({perSecond:F0}/s; sending at {plan.Rate}/s takes {sends.Count / (double)plan.Rate:F2} s)."));
        return new Pushed(latencies, sends.Count, missing, results.Count(ok => !ok), perSecond);

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
        // Signed at send time as the sandbox bank signs its callbacks (BankRequestAuthenticator): X-Portal-Timestamp,
        // Nonce and Signature over POST, the callback's path and query, timestamp, nonce and body; the timestamp must be
        // within the clock tolerance (30 s).
        var timestamp = MessageSigner.FormatTimestamp(DateTimeOffset.UtcNow);
        var nonce = Guid.NewGuid().ToString("N");
        request.Headers.Add(MessageSigner.TimestampHeader, timestamp);
        request.Headers.Add(MessageSigner.NonceHeader, nonce);
        request.Headers.Add(MessageSigner.SignatureHeader, signer.Sign(MessageScope.Request(HttpMethod.Post.Method, callbackUri.PathAndQuery), timestamp, nonce, body));
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
