using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Checkouts;
using Portal.Domain.Common;
using Portal.Domain.Payments;
using Portal.LiveUpdates;
using Portal.SandboxBank;

namespace Portal.Bench;

/// <summary>
/// Real-time payments end to end against the running Portal: per payment a pooled SignalR connection watches the
/// checkout, the flow takes step 1 (ChooseMethodAsync) and steps 2–7 (PayRealTimeAsync, over the HTTP rail to the
/// sandbox bank), and the latency runs from the submit until the watcher hears the final PaymentUpdated. A cross-border
/// payer asks for the quote first, inside that latency.
/// </summary>
internal sealed class PaymentRun(BenchPortal portal, int concurrency, double crossBorder = 0)
{
    public const string Pin = "123456";
    private const decimal Amount = 1.00m;
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(15);

    private readonly IServiceProvider _services = portal.Services;
    private string[] _payers = [];

    // The first workers of the share pay from USD accounts (the sandbox bank's 620100 range), through a quote each.
    private readonly int _foreign = (int)Math.Round(crossBorder * concurrency, MidpointRounding.AwayFromZero);

    /// <summary>The payer accounts <see cref="OpenPayersAsync"/> opened, one per worker.</summary>
    public IReadOnlyList<string> Payers => _payers;

    /// <summary>One payer account per worker, so that payers never queue behind one another's balance row.</summary>
    public async Task OpenPayersAsync(int paymentsPerPayer)
    {
        var seeder = _services.GetRequiredService<SandboxBankSeeder>();
        _payers = new string[concurrency];
        var balance = Money.Of(Amount * paymentsPerPayer * 10, Currency.CNY);
        for (var i = 0; i < concurrency; i++)
        {
            var foreign = i < _foreign;
            _payers[i] = foreign ? $"62010099{i + 1:00000000}" : $"62990000{i + 1:00000000}";
            await seeder.OpenAccountAsync(_payers[i], $"Bench payer {i + 1}", BankAccountKind.Payer,
                foreign ? Money.Of(Amount * paymentsPerPayer * 10, Currency.FromCode("USD")) : balance, Pin);
        }
    }

    /// <summary>All checkouts up front, as a merchant's payment links exist before customers arrive.</summary>
    public async Task<string[]> CreateCheckoutsAsync(int count)
    {
        var checkouts = _services.GetRequiredService<CheckoutLifecycle>();
        var merchantId = await DemoMerchantIdAsync();
        var expires = DateTimeOffset.UtcNow.AddHours(2);
        var tokens = new string[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var checkout = await checkouts.CreateCheckoutAsync(merchantId,
                    new CheckoutRequest(Amount, "CNY", "Bench order", expires, $"BENCH-{i:000000}"), "bench");
                tokens[i] = checkout.Token;
            }
        }));
        return tokens;
    }

    public async Task<Watcher[]> ConnectAsync()
    {
        var hubUrl = new Uri(portal.BaseAddress, PaymentsHub.Path.TrimStart('/'));
        var watchers = new Watcher[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            watchers[i] = await Watcher.ConnectAsync(hubUrl);
        }
        return watchers;
    }

    /// <summary>Pays <paramref name="tokens"/>[from..from+count) with one worker per watcher; returns the measured outcome.</summary>
    public async Task<PaymentResults> RunAsync(Watcher[] watchers, string[] tokens, int from, int count)
    {
        var flow = _services.GetRequiredService<PaymentFlow>();
        var submitToUpdate = new Latencies(count);
        var results = new PaymentResults(submitToUpdate);
        var next = from - 1;
        var end = from + count;
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(watchers.Select((watcher, worker) => Task.Run(async () =>
        {
            var payer = PayerDetails.Parse(_payers[worker], Pin);
            var foreign = worker < _foreign;
            int i;
            while ((i = Interlocked.Increment(ref next)) < end)
            {
                await PayOneAsync(flow, watcher, payer, foreign, tokens[i], results);
            }
        })));
        results.Elapsed = Stopwatch.GetElapsedTime(started);
        results.ProcessorTime = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return results;
    }

    private static async Task PayOneAsync(PaymentFlow flow, Watcher watcher, PayerDetails payer, bool foreign, string token,
        PaymentResults results)
    {
        try
        {
            await watcher.Connection.InvokeAsync(nameof(PaymentsHub.WatchCheckout), token);
            var payment = await flow.ChooseMethodAsync(token, PaymentMethod.RealTime);
            var final = watcher.Expect(payment.CheckoutId);
            var submitted = Stopwatch.GetTimestamp();
            if (foreign)
            {
                var quoted = await flow.QuoteAsync(payment.PaymentId, payer.Account);
                payer = payer with { ConfirmedQuoteId = quoted.Quote?.QuoteId };
            }
            var answer = await flow.PayRealTimeAsync(payment.PaymentId, payer, payment.PaymentId.ToString("N"));
            var update = await final.WaitAsync(UpdateTimeout);
            var heard = Stopwatch.GetTimestamp();
            if (answer.Status == PaymentStatus.Succeeded && update.Status == nameof(PaymentStatus.Succeeded))
            {
                results.Latencies.Add(submitted, heard);
                Interlocked.Increment(ref results.Succeeded);
            }
            else
            {
                results.RecordFailure($"{answer.Status}/{update.Status} {update.FailureCode}");
            }
        }
        catch (Exception e) when (e is TimeoutException or DomainException or InvalidOperationException or HttpRequestException)
        {
            results.RecordFailure(e.GetType().Name);
        }
        finally
        {
            watcher.Clear();
        }
    }

    private async Task<Guid> DemoMerchantIdAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<PortalDbContext>>()
            .CreateDbContextAsync();
        return await db.Merchants.Where(m => m.Name == DemoData.DemoShop).Select(m => m.Id).SingleAsync();
    }

    /// <summary>One pooled hub connection; it waits for one checkout's final update at a time.</summary>
    internal sealed class Watcher : IAsyncDisposable
    {
        private Expectation? _expected;

        private Watcher(HubConnection connection)
        {
            Connection = connection;
            // Earlier checkouts' late updates (step 7's "notified" repeat) still arrive: matched by checkout, ignored.
            connection.On<PaymentUpdate>(nameof(IPaymentsClient.PaymentUpdated), update =>
            {
                var expected = Volatile.Read(ref _expected);
                if (expected is not null && update.CheckoutId == expected.CheckoutId &&
                    update.Status is nameof(PaymentStatus.Succeeded) or nameof(PaymentStatus.Failed))
                {
                    expected.Final.TrySetResult(update);
                }
            });
        }

        public HubConnection Connection { get; }

        public static async Task<Watcher> ConnectAsync(Uri hubUrl)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(hubUrl, HttpTransportType.WebSockets, options => options.SkipNegotiation = true)
                .Build();
            var watcher = new Watcher(connection);
            await connection.StartAsync();
            return watcher;
        }

        public Task<PaymentUpdate> Expect(Guid checkoutId)
        {
            var expected = new Expectation(checkoutId,
                new TaskCompletionSource<PaymentUpdate>(TaskCreationOptions.RunContinuationsAsynchronously));
            Volatile.Write(ref _expected, expected);
            return expected.Final.Task;
        }

        public void Clear() => Volatile.Write(ref _expected, null);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();

        private sealed record Expectation(Guid CheckoutId, TaskCompletionSource<PaymentUpdate> Final);
    }
}
