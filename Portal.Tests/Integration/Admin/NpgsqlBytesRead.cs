using System.Diagnostics.Metrics;

namespace Portal.Tests.Integration.Admin;

/// <summary>
/// How many bytes one app's Npgsql connections read from PostgreSQL while this listens: what the server sent, rows a
/// reader skipped on its way to the end of a result included. Npgsql's meter is static, so the app's own pool is told
/// from the other apps the test run hosts by its database's name.
/// </summary>
public sealed class NpgsqlBytesRead : IDisposable
{
    private const string Instrument = "db.client.operation.npgsql.bytes_read";
    private readonly MeterListener _listener = new();
    private long _bytes;
    private int _measurements;

    public NpgsqlBytesRead(string databaseName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name == Instrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "db.client.connection.pool.name" && tag.Value is string pool && pool.Contains(databaseName, StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _bytes, value);
                    Interlocked.Increment(ref _measurements);
                    return;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The bytes read so far; throws if Npgsql reported none at all (its instrument renamed, say).</summary>
    public long Bytes => Volatile.Read(ref _measurements) > 0
        ? Interlocked.Read(ref _bytes)
        : throw new InvalidOperationException($"Npgsql reported no {Instrument} for this app's database.");

    public void Dispose() => _listener.Dispose();
}
