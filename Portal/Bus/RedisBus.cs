using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Portal.Bus;

/// <summary>
/// The bus over Redis pub/sub: one channel per topic under <see cref="BusOptions.ChannelPrefix"/>, each message the
/// sender's instance id followed by its body, so an instance skips its own. It connects in the background and never
/// holds up the start: with Redis down Portal serves, says so in <c>/health/ready</c>, and its pages follow the
/// database (<see cref="LiveUpdates.LiveUpdateRelay"/>) until Redis returns; StackExchange.Redis reconnects and
/// restores the subscriptions by itself.
/// </summary>
internal sealed class RedisBus(ConfigurationOptions configuration, IOptions<BusOptions> options, ILogger<RedisBus> logger)
    : IPortalBus, IHostedService, IAsyncDisposable
{
    private const int OriginLength = 16;

    private readonly byte[] _origin = Guid.NewGuid().ToByteArray();
    private readonly ConcurrentDictionary<BusTopic, ImmutableArray<Action<ReadOnlyMemory<byte>>>> _handlers = new();
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private Task _connecting = Task.CompletedTask;
    private volatile bool _disposed;

    public bool IsEnabled => true;

    public bool IsConnected => _redis?.IsConnected == true;

    /// <summary>The connection, once made; the deployment-wide rate limits use it too.</summary>
    public IConnectionMultiplexer? Connection => _redis;

    public void Publish(BusTopic topic, ReadOnlySpan<byte> body)
    {
        var redis = _redis;
        if (redis is null || !redis.IsConnected)
        {
            return;
        }
        var message = new byte[OriginLength + body.Length];
        _origin.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(OriginLength));
        // Fire and forget: a push is worth nothing late, and the catch-up covers what a drop loses.
        redis.GetSubscriber().Publish(Channel(topic), message, CommandFlags.FireAndForget);
    }

    public void Subscribe(BusTopic topic, Action<ReadOnlyMemory<byte>> handler) =>
        _handlers.AddOrUpdate(topic, [handler], (_, existing) => existing.Add(handler));

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _connecting = Task.Run(() => ConnectAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host whose start failed, or that stopped by itself, can have let its container go first: nothing left to stop.
        if (_disposed)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await _stopping.CancelAsync();
        await _connecting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        if (_redis is { } redis)
        {
            await redis.DisposeAsync();
        }
    }

    private async Task ConnectAsync(CancellationToken stopping)
    {
        // AbortOnConnectFail is off: this returns a multiplexer that keeps retrying even when Redis is down now.
        var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        redis.ConnectionFailed += (_, failed) =>
        {
            if (failed.ConnectionType == ConnectionType.Subscription)
            {
                BusLog.Lost(logger, failed.FailureType.ToString());
            }
        };
        redis.ConnectionRestored += (_, restored) =>
        {
            if (restored.ConnectionType == ConnectionType.Subscription)
            {
                BusLog.Restored(logger);
            }
        };
        _redis = redis;
        var subscriber = redis.GetSubscriber();
        foreach (var topic in Enum.GetValues<BusTopic>())
        {
            // Until the first subscription goes through; after that the multiplexer restores it on every reconnect.
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await subscriber.SubscribeAsync(Channel(topic), (_, value) => Dispatch(topic, value));
                    break;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    BusLog.SubscribeFailed(logger, topic, ex);
                    await Task.Delay(TimeSpan.FromSeconds(1), stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        if (redis.IsConnected)
        {
            BusLog.Connected(logger);
        }
    }

    private void Dispatch(BusTopic topic, RedisValue value)
    {
        byte[]? message = value;
        if (message is null || message.Length < OriginLength || message.AsSpan(0, OriginLength).SequenceEqual(_origin) ||
            !_handlers.TryGetValue(topic, out var handlers))
        {
            return;
        }
        var body = message.AsMemory(OriginLength);
        foreach (var handler in handlers)
        {
            try
            {
                handler(body);
            }
            catch (Exception ex)
            {
                BusLog.HandlerFailed(logger, topic, ex);
            }
        }
    }

    private RedisChannel Channel(BusTopic topic) => RedisChannel.Literal($"{options.Value.ChannelPrefix}:bus:{topic}");
}
