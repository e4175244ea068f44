using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Portal.Bus;
using StackExchange.Redis;

namespace Portal.Identity.Lockout;

/// <summary>
/// Failed staff sign-ins counted per client address over every account, in a fixed window: past the limit that address
/// is refused before any password is checked, so one address can neither spray a password over many accounts nor lock
/// them all. Kept in Redis while the bus is connected, so every instance counts the same failures; with no Redis (one
/// instance), or while it is unreachable, counted in this process.
/// </summary>
public sealed class FailedSignInsByAddress(
    IPortalBus bus,
    IServiceProvider services,
    IOptions<StaffAccountOptions> options,
    TimeProvider time,
    ILogger<FailedSignInsByAddress> logger)
{
    // Above this many addresses the expired windows are swept out, so a scan from many addresses cannot grow it forever.
    private const int SweepAbove = 10_000;
    private readonly ConcurrentDictionary<string, Window> _local = new(StringComparer.Ordinal);

    private StaffAccountOptions.LockoutSettings Settings => options.Value.Lockout;

    /// <summary>How long <paramref name="address"/> must wait, or null when it may try a password now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(IPAddress? address)
    {
        var key = ClientAddress.Key(address);
        if (Redis() is { } redis)
        {
            try
            {
                var database = redis.GetDatabase();
                var count = (long?)await database.StringGetAsync(RedisKey(key));
                if (count < Settings.MaxFailuresPerAddress)
                {
                    return null;
                }
                return count is null ? null : await database.KeyTimeToLiveAsync(RedisKey(key)) ?? Settings.AddressWindow;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Redis did not answer for failed sign-ins; counting them in this instance.");
            }
        }
        var now = time.GetUtcNow();
        if (_local.TryGetValue(key, out var window) && window.EndsAt > now && window.Failures >= Settings.MaxFailuresPerAddress)
        {
            return window.EndsAt - now;
        }
        return null;
    }

    /// <summary>Counts one failed sign-in (wrong password, unknown email, wrong code) from <paramref name="address"/>.</summary>
    public async Task RecordFailureAsync(IPAddress? address)
    {
        var key = ClientAddress.Key(address);
        if (Redis() is { } redis)
        {
            try
            {
                var database = redis.GetDatabase();
                await database.StringIncrementAsync(RedisKey(key));
                // Every time, not only on the first failure: a window whose expiry was lost between the two calls
                // would otherwise stop its address for good.
                await database.KeyExpireAsync(RedisKey(key), Settings.AddressWindow, ExpireWhen.HasNoExpiry);
                return;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Redis did not answer for failed sign-ins; counting them in this instance.");
            }
        }
        var now = time.GetUtcNow();
        _local.AddOrUpdate(key,
            _ => new Window(now + Settings.AddressWindow, 1),
            (_, window) => window.EndsAt > now ? window with { Failures = window.Failures + 1 } : new Window(now + Settings.AddressWindow, 1));
        if (_local.Count > SweepAbove)
        {
            foreach (var (stale, _) in _local.Where(pair => pair.Value.EndsAt <= now))
            {
                _local.TryRemove(stale, out _);
            }
        }
    }

    private IConnectionMultiplexer? Redis() => bus is RedisBus { Connection: { IsConnected: true } redis } ? redis : null;

    private RedisKey RedisKey(string address) =>
        $"{services.GetRequiredService<IOptions<BusOptions>>().Value.ChannelPrefix}:signin-failures:{address}";

    private sealed record Window(DateTimeOffset EndsAt, int Failures);
}
