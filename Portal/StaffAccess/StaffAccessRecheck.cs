using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Portal.Bus;
using Portal.Data;
using Portal.LiveUpdates;

namespace Portal.StaffAccess;

/// <summary>
/// Applies here the access changes other instances announce on the bus, and every
/// <see cref="StaffAccessOptions.RecheckInterval"/> checks all of this instance's merchant hub connections against the
/// database, for changes nobody announced (a password reset, a message lost while the bus was down).
/// </summary>
internal sealed class StaffAccessRecheck(
    StaffAccessChanges changes,
    MerchantHubWatchers hubWatchers,
    IPortalBus bus,
    DatabaseStatus database,
    IOptions<StaffAccessOptions> options,
    TimeProvider time,
    ILogger<StaffAccessRecheck> logger) : BackgroundService
{
    private readonly Channel<string> _announced = Channel.CreateBounded<string>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.Subscribe(BusTopic.StaffAccessChanged, body =>
        {
            if (body.Length is > 0 and <= StaffAccessChanges.MaxUserIdBytes)
            {
                _announced.Writer.TryWrite(Encoding.UTF8.GetString(body.Span));
            }
        });
        await database.WhenReadyAsync(stoppingToken);
        await Task.WhenAll(ApplyAnnouncedAsync(stoppingToken), RecheckAllAsync(stoppingToken));
    }

    private async Task ApplyAnnouncedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var userId in _announced.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await changes.RecheckHereAsync(userId, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    StaffAccessLog.RecheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RecheckAllAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await changes.DropStaleAsync(hubWatchers.All(), stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    StaffAccessLog.RecheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
