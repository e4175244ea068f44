using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Portal.Bench;

/// <summary>
/// What the server allocates, by type, from the runtime's allocation ticks (one event per ~100 KB allocated, naming
/// the type of the object that crossed the mark): a cheap sampled view of where gen0's budget goes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public IReadOnlyList<(string Type, long Bytes)> Stop()
    {
        _on = false;
        return _bytes.OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value)).ToList();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_on || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) ||
            eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }
        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, n) => n + amount);
    }
}
