using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Payments;
using Portal.Rails;
using Portal.Sandbox;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// <c>--waiting N</c>: N customers waiting on the checkout page for a fast payment's result, each a real Blazor circuit
/// (no browser). Each payment is approved server-side first, with the bank's settlement an hour away, so every page
/// opens in "Processing … waiting for the bank"; once all pages are open and idle, the bank's signed "Settled"
/// callbacks are posted at <c>--rate</c> per second and each page's push is timed from its callback's send to the
/// first render batch on its circuit.
/// </summary>
internal sealed class WaitingRun(BenchPortal portal, int pages, int rate, bool deflate, int holdSeconds)
{
    private const int Workers = 16;
    private const int OpenConcurrency = 32;
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What the bench overrides in Portal: nobody settles, calls back or reconciles while pages are opening.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["SandboxBank:FastSettlementDelay"] = "01:00:00",
        ["SandboxBank:LostCallbackRate"] = "1",
        // Otherwise the reconciler asks the bank about every waiting payment every 5 s once it is 15 s old.
        ["Payments:ReconcileAfter"] = "01:00:00",
    };

    public async Task<int> RunAsync()
    {
        var services = portal.Services;
        var baseUri = portal.BaseAddress;
        var setup = new PaymentRun(portal, Workers);
        await setup.OpenPayersAsync(pages / Workers + 1);
        var tokens = await setup.CreateCheckoutsAsync(pages);
        var paymentIds = await ApproveAllAsync(services.GetRequiredService<CheckoutFlow>(), setup.Payers, tokens);
        Console.WriteLine(Invariant($"Created {pages} checkouts, chose the fast rail and approved each (the bank settles in 1 h, so all are Processing)."));

        using var pagesHttp = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseUri };
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetBefore = Environment.WorkingSet;
        var circuits = new BlazorCircuit?[pages];
        var openFailures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var opening = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, pages), new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency },
            async (i, ct) =>
            {
                try
                {
                    circuits[i] = await BlazorCircuit.OpenAsync(pagesHttp, baseUri, $"/pay/{tokens[i]}", deflate, ct);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or
                                              System.Net.WebSockets.WebSocketException or TaskCanceledException or
                                              Microsoft.AspNetCore.SignalR.HubException)
                {
                    openFailures.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
                }
            });
        var opened = circuits.Count(c => c is not null);
        await WaitIdleAsync(circuits);
        Console.WriteLine(Invariant($"Opened {opened}/{pages} circuits in {opening.Elapsed.TotalSeconds:F1} s (incl. settling to idle); render batches so far: {circuits.Sum(c => c?.Batches ?? 0)}."));
        foreach (var (kind, n) in openFailures)
        {
            Console.WriteLine(Invariant($"  open failed x{n}: {kind}"));
        }

        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = Environment.WorkingSet;
        var kbPerPage = (managedAfter - managedBefore) / 1024.0 / Math.Max(opened, 1);
        var wsKbPerPage = (workingSetAfter - workingSetBefore) / 1024.0 / Math.Max(opened, 1);
        Console.WriteLine(Invariant(
            $"Memory per open page: managed heap (GC.GetTotalMemory(true)) {kbPerPage:F1} KB, working set {wsKbPerPage:F1} KB; both include this process's bench client (~50 KB per circuit per SETUP.md)."));

        if (holdSeconds > 0)
        {
            // Idle customers: keep-alives only. Also a window to take a heap dump of the waiting pages.
            Console.WriteLine(Invariant($"Holding the pages idle for {holdSeconds} s (process {Environment.ProcessId})."));
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }
        var bodies = await SettleAllAsync(services.GetRequiredService<SandboxBank>(), paymentIds);
        var (latencies, missing, callbackFailures) = await PushAsync(services, circuits, bodies);

        var held = circuits.Count(c => c is { Held: true });
        Console.WriteLine(Invariant(
            $"Callbacks at {rate}/s: {latencies.Count} pushes timed, {missing} without a render batch within {PushTimeout.TotalSeconds:F0} s, {callbackFailures} callbacks not 200."));
        Console.WriteLine("  push: from the signed callback's send to the first render batch on that page's circuit after it.");

        await Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = OpenConcurrency }, async (c, _) =>
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        });

        Console.WriteLine(Invariant(
            $"waiting={pages} held={held} kb_per_page={kbPerPage:F1} push_p50_ms={latencies.Percentile(50):F1} push_p99_ms={latencies.Percentile(99):F1}"));
        return held == pages && missing == 0 && callbackFailures == 0 ? 0 : 1;
    }

    private static async Task<Guid[]> ApproveAllAsync(CheckoutFlow flow, IReadOnlyList<string> payers, string[] tokens)
    {
        var paymentIds = new Guid[tokens.Length];
        var next = -1;
        await Task.WhenAll(payers.Select(account => Task.Run(async () =>
        {
            var payer = PayerDetails.Parse(account, PaymentRun.Pin);
            int i;
            while ((i = Interlocked.Increment(ref next)) < tokens.Length)
            {
                var chosen = await flow.ChooseMethodAsync(tokens[i], PaymentMethod.Fast);
                var approved = await flow.ApproveFastAsync(chosen.PaymentId, payer, chosen.PaymentId.ToString("N"));
                if (approved.Status != PaymentStatus.Processing)
                {
                    throw new InvalidOperationException($"Payment {chosen.PaymentId} is {approved.Status} after approval, not Processing.");
                }
                paymentIds[i] = chosen.PaymentId;
            }
        })));
        return paymentIds;
    }

    /// <summary>Until every open page has had its first render and the one its first OnAfterRender asks for, then a quiet second.</summary>
    private static async Task WaitIdleAsync(BlazorCircuit?[] circuits)
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
        Console.WriteLine("  warning: pages still rendering after 2 minutes.");
    }

    /// <summary>The bank settles every order now (not timed), and its answers become the callbacks' bodies.</summary>
    private static async Task<byte[][]> SettleAllAsync(SandboxBank bank, Guid[] orderIds)
    {
        var bodies = new byte[orderIds.Length][];
        await Parallel.ForEachAsync(Enumerable.Range(0, orderIds.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, ct) =>
            {
                var order = await bank.SettleAsync(orderIds[i], ct)
                    ?? throw new InvalidOperationException($"Order {orderIds[i]} was not Accepted.");
                bodies[i] = JsonSerializer.SerializeToUtf8Bytes(BankOrderAnswer.From(order), Json);
            });
        return bodies;
    }

    private async Task<(Latencies Latencies, int Missing, int CallbackFailures)> PushAsync(IServiceProvider services,
        BlazorCircuit?[] circuits, byte[][] bodies)
    {
        var authenticator = services.GetRequiredService<BankRequestAuthenticator>();
        var callbackUri = services.GetRequiredService<RailAddress>().Callback;
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 });
        var latencies = new Latencies(circuits.Length);
        var pushes = new List<Task>(circuits.Length);
        var sends = new List<Task<bool>>(circuits.Length);
        var missing = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < circuits.Length; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
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
            sends.Add(SendCallbackAsync(http, authenticator, callbackUri, bodies[i]));
        }
        var results = await Task.WhenAll(sends);
        var answered = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(pushes);
        Console.WriteLine(Invariant(
            $"All {sends.Count} callbacks answered after {answered.TotalSeconds:F2} s ({sends.Count / answered.TotalSeconds:F0}/s; sending at {rate}/s takes {sends.Count / (double)rate:F2} s)."));
        return (latencies, missing, results.Count(ok => !ok));

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

    private static async Task<bool> SendCallbackAsync(HttpClient http, BankRequestAuthenticator authenticator, Uri callbackUri, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Signed as the bank signs its callbacks: X-Portal-Timestamp/Nonce/Signature over timestamp.nonce.body.
        authenticator.SignOutgoing(request, body);
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
