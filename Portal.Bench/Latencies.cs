namespace Portal.Bench;

/// <summary>Latencies recorded into a preallocated array (no allocation per sample), read as percentiles at the end.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly double[] _milliseconds = new double[capacity];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add(long startTimestamp, long endTimestamp)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _milliseconds.Length)
        {
            _milliseconds[index] = (endTimestamp - startTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
        }
    }

    public double Percentile(double p)
    {
        var n = Math.Min(Count, _milliseconds.Length);
        if (n == 0)
        {
            return double.NaN;
        }
        var sorted = _milliseconds.AsSpan(0, n).ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100.0 * n) - 1;
        return sorted[Math.Clamp(rank, 0, n - 1)];
    }
}
