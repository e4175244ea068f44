using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Portal.Tests.Integration.Operations;

/// <summary>
/// What one app's instruments record: only meters made by that app's <see cref="IMeterFactory"/>, so that the other
/// apps the test run hosts in this process are not counted with it.
/// </summary>
public sealed class MeterReadings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Reading> _readings = new();

    public MeterReadings(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with all of <paramref name="tags"/>; 0 when nothing.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(r => r.Value);

    /// <summary>How many measurements <paramref name="instrument"/> recorded with all of <paramref name="tags"/>.</summary>
    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    public void Dispose() => _listener.Dispose();

    private IEnumerable<Reading> Matching(string instrument, (string Key, string Value)[] tags) =>
        _readings.Where(r => r.Instrument == instrument &&
                             tags.All(t => r.Tags.Any(kv => kv.Key == t.Key && Equals(kv.Value as string, t.Value))));

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _readings.Enqueue(new Reading(instrument.Name, value, tags.ToArray()));

    private sealed record Reading(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);
}
