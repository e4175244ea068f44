using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace Portal.Bus;

/// <summary>
/// Token buckets that hold for the whole deployment: kept in Redis while the bus is connected, so a caller spreading
/// requests over N instances gets one burst and one rate, not N. With no Redis (one instance), or while it is
/// unreachable, the bucket lives in this process: limits then hold per instance rather than failing every request.
/// </summary>
public sealed class SharedRateLimits(IPortalBus bus, IServiceProvider services)
{
    public RateLimitPartition<string> TokenBucket(string name, string key, int tokenLimit, int tokensPerSecond) =>
        TokenBucket(name, key, tokenLimit, tokensPerSecond, TimeSpan.FromSeconds(1));

    /// <summary>A bucket of <paramref name="tokenLimit"/> that regains <paramref name="tokensPerPeriod"/> each <paramref name="period"/>.</summary>
    public RateLimitPartition<string> TokenBucket(string name, string key, int tokenLimit, int tokensPerPeriod, TimeSpan period)
    {
        if (bus is RedisBus { Connection: { IsConnected: true } redis })
        {
            var prefix = services.GetRequiredService<IOptions<BusOptions>>().Value.ChannelPrefix;
            return RedisRateLimitPartition.GetTokenBucketRateLimiter($"{prefix}:limit:{name}:{key}", _ => new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                TokenLimit = tokenLimit,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
            });
        }
        return RateLimitPartition.GetTokenBucketLimiter($"{name}:{key}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokenLimit,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
