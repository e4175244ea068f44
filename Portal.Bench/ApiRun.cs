using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.ApiKeys;
using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// <c>--api N</c>: N checkouts created through <c>POST /api/v1/checkouts</c>, each with its own Idempotency-Key (claimed,
/// then completed: two more writes than the checkout's), at <c>--concurrency</c>; beside it, in the same run and the
/// same process, N bare authenticated round trips (<c>GET /api/v1/key</c>: the key checked, the rate limiter passed,
/// nothing else). The ratio is what creating a checkout costs over the API's own floor.
/// </summary>
internal sealed class ApiRun(BenchPortal portal, int count, int warmup, int concurrency)
{
    /// <summary>The bench's key may go as fast as it can: the limiter still runs, but never refuses.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:Burst"] = "1000000",
        ["Api:RequestsPerSecond"] = "1000000",
    };

    public async Task<int> RunAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = portal.BaseAddress,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueKeyAsync());

        var warmChecks = await RunLoopAsync(warmup, i => CreateCheckoutAsync(http, "warm", i));
        var warmKeys = await RunLoopAsync(warmup, _ => GetKeyAsync(http));
        Console.WriteLine(Invariant($"Warm-up: {warmChecks.Succeeded} checkouts, {warmKeys.Succeeded} key round trips (not counted)."));

        var checkouts = await RunLoopAsync(count, i => CreateCheckoutAsync(http, "bench", i));
        var reference = await RunLoopAsync(count, _ => GetKeyAsync(http));
        Console.WriteLine();
        Console.WriteLine("| run        |    ok | failed | seconds | per second | p50 ms | p99 ms |");
        Console.WriteLine("|------------|-------|--------|---------|------------|--------|--------|");
        Row("checkouts", checkouts);
        Row("key GET", reference);
        foreach (var (kind, n) in checkouts.Failures.Concat(reference.Failures))
        {
            Console.WriteLine(Invariant($"  failed: {kind} x{n}"));
        }
        Console.WriteLine("  checkouts: POST /api/v1/checkouts with a new Idempotency-Key each (key claimed, checkout saved, answer stored).");
        Console.WriteLine("  reference: GET /api/v1/key with the same Bearer key: authentication, rate limiter, a small JSON answer.");
        Console.WriteLine(Invariant(
            $"api_checkouts_per_s={checkouts.PerSecond:F1} p50_ms={checkouts.Latencies.Percentile(50):F2} p99_ms={checkouts.Latencies.Percentile(99):F2} reference_per_s={reference.PerSecond:F1} ratio={checkouts.PerSecond / reference.PerSecond:F3}"));
        return checkouts.FailureCount + reference.FailureCount == 0 ? 0 : 1;
    }

    private async Task<string> IssueKeyAsync()
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var merchant = await db.Merchants.SingleAsync(m => m.Name == DemoData.DemoShop);
        var issued = ApiKey.Issue(merchant.Id, "Bench", ApiScopes.All, "bench@demo.test", DateTimeOffset.UtcNow);
        db.ApiKeys.Add(issued.Key);
        await db.SaveChangesAsync();
        return issued.Secret;
    }

    private static async Task<string?> CreateCheckoutAsync(HttpClient http, string run, int i)
    {
        var reference = string.Create(CultureInfo.InvariantCulture, $"{run}-{i}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/checkouts")
        {
            Content = new StringContent(
                $$"""{"amount": "12.50", "currency": "CNY", "description": "Bench order {{reference}}", "reference": "{{reference}}", "metadata": {"orderId": "{{reference}}"} }""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.Created ? null : Invariant($"HTTP {(int)response.StatusCode}");
    }

    private static async Task<string?> GetKeyAsync(HttpClient http)
    {
        using var response = await http.GetAsync("api/v1/key");
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? null : Invariant($"HTTP {(int)response.StatusCode}");
    }

    /// <summary>Calls <paramref name="call"/> <paramref name="total"/> times from <c>concurrency</c> workers; null means it succeeded.</summary>
    private async Task<PaymentResults> RunLoopAsync(int total, Func<int, Task<string?>> call)
    {
        var results = new PaymentResults(new Latencies(Math.Max(total, 1)));
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var begin = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await call(i);
                }
                catch (HttpRequestException e)
                {
                    failure = e.GetType().Name;
                }
                if (failure is null)
                {
                    results.Latencies.Add(begin, Stopwatch.GetTimestamp());
                    Interlocked.Increment(ref results.Succeeded);
                }
                else
                {
                    results.RecordFailure(failure);
                }
            }
        })));
        results.Elapsed = Stopwatch.GetElapsedTime(started);
        return results;
    }

    private static void Row(string name, PaymentResults r) => Console.WriteLine(Invariant(
        $"| {name,-10} | {r.Succeeded,5} | {r.FailureCount,6} | {r.Elapsed.TotalSeconds,7:F2} | {r.PerSecond,10:F1} | {r.Latencies.Percentile(50),6:F2} | {r.Latencies.Percentile(99),6:F2} |"));
}
