using System.Collections.Concurrent;

namespace Portal.Bench;

/// <summary>What one measured run of payments gave: successes with their latencies, failures by kind.</summary>
internal sealed class PaymentResults(Latencies latencies)
{
    public int Succeeded;

    public Latencies Latencies { get; } = latencies;

    public ConcurrentDictionary<string, int> Failures { get; } = new();

    public int FailureCount => Failures.Values.Sum();

    public TimeSpan Elapsed { get; set; }

    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>The process's CPU time over the run: Portal, its bank and the bench client share it.</summary>
    public TimeSpan ProcessorTime { get; set; }

    public double ProcessorMillisecondsPerPayment => ProcessorTime.TotalMilliseconds / Math.Max(Succeeded, 1);

    public void RecordFailure(string kind) => Failures.AddOrUpdate(kind, 1, (_, n) => n + 1);
}
