using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Payments;
using Portal.Rails;
using Portal.SandboxBank;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// <c>--waiting N</c>: N customers waiting on the checkout page for a fast payment's result, each a real Blazor circuit
/// (no browser). Each payment is approved server-side first, with the bank's settlement an hour away, so every page
/// opens in "Processing … waiting for the bank". This process hosts Portal and measures it; a client process
/// (<see cref="WaitingClient"/>) opens the pages, and once all are idle and measured posts the bank's signed "Settled"
/// callbacks at <c>--rate</c> per second and times each page's push.
/// </summary>
/// <remarks>
/// With several instances (one database, one Redis), the first hosts the bank and makes the payments; pages are spread
/// over the instances in turn and each page's callback goes to the next instance, so every push crosses the bus. All
/// instances run in this process: its memory is theirs together.
/// </remarks>
internal sealed class WaitingRun(IReadOnlyList<BenchPortal> instances, int pages, int warmup, int rate, bool deflate, int holdSeconds)
{
    private const int Workers = 16;
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
        var portal = instances[0];
        var services = portal.Services;
        var setup = new PaymentRun(portal, Workers);
        var total = warmup + pages;
        await setup.OpenPayersAsync(total / Workers + 1);
        var tokens = await setup.CreateCheckoutsAsync(total);
        var paymentIds = await ApproveAllAsync(services.GetRequiredService<PaymentFlow>(), setup.Payers, tokens);
        // The bank's side of each settlement happens now, untimed; Portal hears of it only through the callbacks.
        var bodies = await SettleAllAsync(services.GetRequiredService<Bank>(), paymentIds);
        Console.WriteLine(Invariant($"Created {total} checkouts ({warmup} for the warm-up), chose the fast rail and approved each (all Processing); the bank settled them and its callbacks wait in the client."));

        var all = tokens.Select((token, i) => new WaitingPage(token, bodies[i], i % instances.Count)).ToArray();
        var addresses = instances.Select(i => new WaitingInstance(i.BaseAddress, i.Services.GetRequiredService<RailAddress>().PaymentCallback)).ToArray();
        var plan = new WaitingPlan(addresses, rate, deflate,
            services.GetRequiredService<IOptions<SandboxBankOptions>>().Value.SigningSecret, all[..warmup], all[warmup..]);
        await using var client = WaitingClientProcess.Start();
        await client.SendPlanAsync(plan);
        await client.HearAsync(WaitingProtocol.Warmed);
        var (managedBefore, workingSetBefore) = Measure();
        await client.SayAsync(WaitingProtocol.Open);
        var opened = await client.HearReadyAsync();

        var (managedAfter, workingSetAfter) = Measure();
        var kbPerPage = (managedAfter - managedBefore) / 1024.0 / Math.Max(opened, 1);
        var wsKbPerPage = (workingSetAfter - workingSetBefore) / 1024.0 / Math.Max(opened, 1);
        Console.WriteLine(Invariant(
            $"Server memory per open page: managed heap (GC.GetTotalMemory(true)) {kbPerPage:F1} KB, working set {wsKbPerPage:F1} KB; the client's are its own (process {client.Id})."));
        if (holdSeconds > 0)
        {
            // Idle customers: keep-alives only. Also a window to take a heap dump of the server alone.
            Console.WriteLine(Invariant($"Holding the pages idle for {holdSeconds} s (server process {Environment.ProcessId})."));
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gc = GcWindow.Start();
        using var sampler = Environment.GetEnvironmentVariable("BENCH_ALLOC") is null ? null : new AllocationSampler();
        sampler?.Start();
        await client.SayAsync(WaitingProtocol.Go);
        var report = await client.HearReportAsync();
        var callbacks = Math.Max(report.Sent, 1);
        var serverCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / callbacks;
        Console.WriteLine(Invariant(
            $"CPU per callback while posting and pushing: server {serverCpu:F2} ms, client {report.ClientCpuMillisecondsPerCallback:F2} ms ({Environment.ProcessorCount} cores: {1000.0 * Environment.ProcessorCount / (serverCpu + report.ClientCpuMillisecondsPerCallback):F0} callbacks/s at most, both processes busy)."));
        Console.WriteLine(Invariant(
            $"Server GCs meanwhile: {gc.Describe()}; allocated {gc.AllocatedSince / 1024.0 / callbacks:F0} KB per callback."));
        if (sampler is not null)
        {
            var byType = sampler.Stop();
            var sum = byType.Sum(p => p.Bytes);
            foreach (var (type, bytes) in byType.Take(40))
            {
                Console.WriteLine(Invariant($"  alloc {100.0 * bytes / sum,5:F1}%  {type}"));
            }
        }
        var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        // What a paid page still open costs: its pushed state is what the collections during the pushes promoted.
        var (managedPaid, _) = Measure();
        Console.WriteLine(Invariant(
            $"Server memory per page after its push (paid, still open): {(managedPaid - managedBefore) / 1024.0 / Math.Max(opened, 1):F1} KB, {(managedPaid - managedAfter) / 1024.0 / Math.Max(opened, 1):+0.0;-0.0} KB against waiting."));
        if (holdSeconds > 0)
        {
            Console.WriteLine(Invariant($"Holding the paid pages for {holdSeconds} s (server process {Environment.ProcessId})."));
            await Task.Delay(TimeSpan.FromSeconds(holdSeconds));
        }
        await client.SayAsync(WaitingProtocol.Close);
        Console.WriteLine(Invariant(
            $"Last ephemeral GC (#{last.Index}, gen{last.Generation}): paused {last.PauseDurations[0].TotalMilliseconds:F1} ms, promoted {last.PromotedBytes / 1048576.0:F1} MB, gen0 {last.GenerationInfo[0].SizeBeforeBytes / 1048576.0:F0} MB before, gen1 {last.GenerationInfo[1].SizeBeforeBytes / 1048576.0:F0}→{last.GenerationInfo[1].SizeAfterBytes / 1048576.0:F0} MB, heap {last.HeapSizeBytes / 1048576.0:F0} MB."));
        Console.WriteLine(Invariant(
            $"waiting={pages} held={report.Held} kb_per_page={kbPerPage:F1} push_p50_ms={report.PushP50Milliseconds:F1} push_p99_ms={report.PushP99Milliseconds:F1}"));
        return report.Held == pages && report.Missing == 0 && report.CallbackFailures == 0 ? 0 : 1;
    }

    private static (long Managed, long WorkingSet) Measure()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        return (managed, Environment.WorkingSet);
    }

    private static async Task<Guid[]> ApproveAllAsync(PaymentFlow flow, IReadOnlyList<string> payers, string[] tokens)
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

    /// <summary>The bank settles every order now (not timed), and its answers become the callbacks' bodies.</summary>
    private static async Task<byte[][]> SettleAllAsync(Bank bank, Guid[] orderIds)
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
}
