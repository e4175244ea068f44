using Portal.Tests.Infrastructure;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// Real-time payments through the real Portal (flow, EF Core on SQLite or PostgreSQL, signed HTTP rail, sandbox bank,
/// SignalR push), then a reference loop doing the least work a payment needs, at the same concurrency and on the same
/// database; the ratio says how close we are. With <c>--history N</c>, the staff pages' queries timed on a merchant's
/// history of N payments instead (<see cref="HistoryRun"/>).
/// </summary>
/// <remarks>A class rather than top-level statements: those would declare a second <c>Program</c>, Portal's own.</remarks>
internal static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        if (options.History is { } history)
        {
            return await new HistoryRun(history).RunAsync();
        }

        if (options.WaitingClient)
        {
            using var input = new StreamReader(Console.OpenStandardInput());
            return await WaitingClient.RunAsync(input, Console.Out);
        }

        await using var database = await BenchDatabase.StartAsync(options.Provider, options.Postgres);
        if (options.Waiting > 0)
        {
            Console.WriteLine(Invariant($"Portal.Bench: {options.Waiting} waiting checkout pages (Blazor circuits, no browsers), callbacks at {options.Rate}/s, WebSocket compression {(options.Deflate ? "requested as browsers do" : "not requested")}, {Environment.ProcessorCount} cores, {database.Description}."));
            Console.WriteLine("  The bench client (circuits, callback sender) runs in a child process on the same cores: its CPU competes with the server, its memory and sockets are its own.");
            return await RunWaitingAsync(options, database);
        }

        if (options.Api)
        {
            Console.WriteLine(Invariant($"Portal.Bench: {options.Payments} API checkouts + {options.ApiWarmup} warm-up, beside as many bare authenticated API round trips, concurrency {options.Concurrency}, {Environment.ProcessorCount} cores, {database.Description}."));
            Console.WriteLine("  The bench client (HttpClient) runs in the server's process on the same cores: its work counts against the server.");
            await using var apiPortal = new BenchPortal(await database.PortalSettingsAsync(), ApiRun.Settings);
            return await new ApiRun(apiPortal, options.Payments, options.ApiWarmup, options.Concurrency).RunAsync();
        }

        Console.WriteLine(Invariant($"Portal.Bench: {options.Payments} payments + {options.PaymentWarmup} warm-up, concurrency {options.Concurrency}, cross-border share {options.CrossBorder:0.##}, {Environment.ProcessorCount} cores, {database.Description}."));
        Console.WriteLine("  The bench client (SignalR watchers, flow callers) runs in the server's process on the same cores: its work counts against the server.");

        var payments = await RunPaymentsAsync(options, database);
        var referenceDatabase = await database.ReferenceAsync();
        var reference = await RunReferenceAsync(options, referenceDatabase);

        Console.WriteLine("  payments: end to end; latency from PayRealTimeAsync until the SignalR watcher hears the final PaymentUpdated.");
        Console.WriteLine($"  reference: 1 loopback HTTP POST to a bare Kestrel endpoint + 3 {referenceDatabase.Description}.");
        Console.WriteLine(Invariant(
            $"payments/s={payments.PerSecond:F1} p50_ms={payments.Latencies.Percentile(50):F2} p99_ms={payments.Latencies.Percentile(99):F2} reference/s={reference.PerSecond:F1} ratio={payments.PerSecond / reference.PerSecond:F3}"));
        return payments.FailureCount == 0 ? 0 : 1;
    }

    private static async Task<int> RunWaitingAsync(BenchOptions options, BenchDatabase database)
    {
        var settings = await database.PortalSettingsAsync();
        if (options.Instances == 1)
        {
            await using var portal = new BenchPortal(settings, WaitingRun.Settings);
            return await new WaitingRun([portal], options.Waiting, options.WaitingWarmup, options.Rate, options.Deflate, options.Hold).RunAsync();
        }
        // Several instances on one database and one Redis; the first hosts the bank, the others reach it over HTTP.
        await using var redis = await RedisServer.StartAsync();
        Console.WriteLine(Invariant($"  {options.Instances} Portal instances in this process on one database and a Redis of their own (127.0.0.1:{redis.Port}); each page's callback goes to another instance than its page's."));
        var shared = new Dictionary<string, string?>(WaitingRun.Settings) { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        var instances = new List<BenchPortal> { new(settings, shared) };
        try
        {
            var bank = instances[0].BaseAddress;
            for (var i = 1; i < options.Instances; i++)
            {
                var other = new BenchPortal(settings, new Dictionary<string, string?>(shared)
                {
                    ["SandboxBank:Enabled"] = "false",
                    ["Rail:BaseUrl"] = bank.ToString(),
                });
                instances.Add(other);
                _ = other.BaseAddress;
            }
            return await new WaitingRun(instances, options.Waiting, options.WaitingWarmup, options.Rate, options.Deflate, options.Hold).RunAsync();
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<PaymentResults> RunPaymentsAsync(BenchOptions options, BenchDatabase database)
    {
        await using var portal = new BenchPortal(await database.PortalSettingsAsync());
        var run = new PaymentRun(portal, options.Concurrency, options.CrossBorder);
        var total = options.PaymentWarmup + options.Payments;
        await run.OpenPayersAsync(total / options.Concurrency + 1);
        var tokens = await run.CreateCheckoutsAsync(total);
        Console.WriteLine(Invariant($"Opened {options.Concurrency} payers (PIN {PaymentRun.Pin}); created all {total} checkouts up front for {Data.DemoData.DemoShop}."));

        var watchers = await run.ConnectAsync();
        try
        {
            var warmup = await run.RunAsync(watchers, tokens, 0, options.PaymentWarmup);
            Console.WriteLine(Invariant($"Warm-up: {warmup.Succeeded} succeeded, {warmup.FailureCount} failed (not counted)."));
            var measured = await run.RunAsync(watchers, tokens, options.PaymentWarmup, options.Payments);
            Console.WriteLine();
            Console.WriteLine("| run        |    ok | failed | seconds | per second | p50 ms | p99 ms |");
            Console.WriteLine("|------------|-------|--------|---------|------------|--------|--------|");
            Row("payments", measured);
            Console.WriteLine(Invariant($"  CPU per payment (Portal, bank and bench client in this process): {measured.ProcessorMillisecondsPerPayment:F2} ms; {Environment.ProcessorCount} cores make that {1000.0 * Environment.ProcessorCount / measured.ProcessorMillisecondsPerPayment:F0} payments/s at most."));
            foreach (var (kind, n) in measured.Failures)
            {
                Console.WriteLine(Invariant($"  failed: {kind} x{n}"));
            }
            return measured;
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }

    private static async Task<PaymentResults> RunReferenceAsync(BenchOptions options, ReferenceDatabase database)
    {
        await using var reference = await ReferenceRun.StartAsync(database);
        await reference.RunAsync(Math.Max(options.PaymentWarmup, 1), options.Concurrency);
        var measured = await reference.RunAsync(options.Payments, options.Concurrency);
        Row("reference", measured);
        return measured;
    }

    private static void Row(string name, PaymentResults r) => Console.WriteLine(Invariant(
        $"| {name,-10} | {r.Succeeded,5} | {r.FailureCount,6} | {r.Elapsed.TotalSeconds,7:F2} | {r.PerSecond,10:F1} | {r.Latencies.Percentile(50),6:F2} | {r.Latencies.Percentile(99),6:F2} |"));
}
