using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.SandboxBank;

/// <summary>
/// The bank's fast rail, step 6: settles each accepted fast order <see cref="SandboxBankOptions.FastSettlementDelay"/>
/// after its acceptance, then POSTs the signed result to the order's callback URL, with a few quick retries. After
/// that it gives up: the sender's reconciler asks for the order's status. At start it picks up every order still
/// Accepted, so a restart loses nothing; settling is exactly-once in <see cref="Bank.SettleAsync"/>, so an
/// order scheduled twice (at start and from the queue) still moves its money once.
/// </summary>
public sealed class FastSettlement(
    Bank bank,
    FastSettlementQueue queue,
    BankRequestAuthenticator authenticator,
    IHttpClientFactory httpClients,
    IOptionsMonitor<SandboxBankOptions> options,
    TimeProvider time,
    ILogger<FastSettlement> logger) : BackgroundService
{
    public const string CallbackClient = "SandboxBankCallbacks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan[] CallbackRetryDelays =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];
    private static readonly TimeSpan SettlementRetryDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: hosted services start one after another.
        await Task.Yield();
        var running = new List<Task>();
        try
        {
            foreach (var (orderId, acceptedAt) in await bank.FindAcceptedOrdersAsync(stoppingToken))
            {
                running.Add(SettleLaterAsync(orderId, acceptedAt, stoppingToken));
            }
            await foreach (var (orderId, acceptedAt) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(SettleLaterAsync(orderId, acceptedAt, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not settled stays Accepted for the next start.
        }
        await Task.WhenAll(running);
    }

    private async Task SettleLaterAsync(Guid orderId, DateTimeOffset acceptedAt, CancellationToken stoppingToken)
    {
        try
        {
            var wait = acceptedAt + options.CurrentValue.FastSettlementDelay - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            BankOrder? settled;
            while (true)
            {
                try
                {
                    settled = await bank.SettleAsync(orderId, stoppingToken);
                    break;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.SettlementFailed(e, orderId);
                    await Task.Delay(SettlementRetryDelay, time, stoppingToken);
                }
            }
            if (settled?.CallbackUrl is null)
            {
                // Settled by someone else (who calls back), or not a fast order.
                return;
            }
            if (options.CurrentValue.LostCallbackRate > 0 && Random.Shared.NextDouble() < options.CurrentValue.LostCallbackRate)
            {
                logger.ChaosLostCallback(orderId);
                return;
            }
            await CallBackAsync(settled, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CallBackAsync(BankOrder order, CancellationToken stoppingToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(BankOrderAnswer.From(order), Json);
        var http = httpClients.CreateClient(CallbackClient);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, order.CallbackUrl)
                {
                    Content = new ByteArrayContent(body),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                // Signed afresh on each attempt: a retry minutes later must not look stale.
                authenticator.SignOutgoing(request, body);
                using var response = await http.SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                reason = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                reason = e.HttpRequestError.ToString();
            }
            catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                reason = "timeout";
            }

            logger.CallbackFailed(order.OrderId, attempt, reason);
            if (attempt > CallbackRetryDelays.Length)
            {
                logger.CallbackAbandoned(order.OrderId);
                return;
            }
            await Task.Delay(CallbackRetryDelays[attempt - 1], time, stoppingToken);
        }
    }
}
