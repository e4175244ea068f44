using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Portal.SandboxBank;

/// <summary>
/// Remembers every signed message the bank accepted, long enough to outlive its timestamp's tolerance (twice it):
/// after that the timestamp check refuses it anyway, so older entries are dropped.
/// </summary>
/// <remarks>
/// Kept in memory, which is enough for the sandbox bank: a restart forgets only nonces of requests that the clock
/// tolerance will refuse within seconds, and an order replayed in that window still cannot move money twice, because
/// order ids stay unique in the bank's database (a second one is refused as DUPL). The database table it replaces
/// cost a gated write per request. Memory is bounded by the signed request rate times twice the tolerance (at
/// 1,000 requests/s and 30 s, 60,000 short strings), and only requests whose signature passed can add to it.
/// </remarks>
public sealed class ReplayGuard(IOptions<SandboxBankOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);
    private long _lastPurgeTicks;

    /// <summary>Records a message's timestamp and nonce; false when they were seen before (a replay).</summary>
    public bool TryRecord(string timestamp, string nonce)
    {
        // Keyed by timestamp and nonce: a replay repeats both. For orders the nonce is the order id, so an order sent
        // again under a new timestamp is not a replay but a duplicate, which the order table refuses (DUPL) for good.
        var now = time.GetUtcNow().UtcTicks;
        PurgeIfDue(now);
        return _seen.TryAdd(string.Concat(timestamp, ".", nonce), now);
    }

    private void PurgeIfDue(long now)
    {
        var tolerance = options.Value.ClockTolerance.Ticks;
        var last = Interlocked.Read(ref _lastPurgeTicks);
        if (now - last < tolerance || Interlocked.CompareExchange(ref _lastPurgeTicks, now, last) != last)
        {
            return;
        }
        var cutoff = now - 2 * tolerance;
        foreach (var entry in _seen)
        {
            if (entry.Value < cutoff)
            {
                _seen.TryRemove(entry);
            }
        }
    }
}
