using static System.FormattableString;

namespace Portal.Bench;

/// <summary>
/// This process's collections, pauses and allocation since <see cref="Start"/>: the server and the bench client each
/// report their own, since a pause in either delays the pushes the client times.
/// </summary>
internal readonly record struct GcWindow(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcWindow Start() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));

    public long AllocatedSince => GC.GetTotalAllocatedBytes(precise: false) - Allocated;

    /// <summary>"gen0 6, gen1 1, gen2 0, paused 454 ms in all".</summary>
    public string Describe() => Invariant(
        $"gen0 {GC.CollectionCount(0) - Gen0}, gen1 {GC.CollectionCount(1) - Gen1}, gen2 {GC.CollectionCount(2) - Gen2}, paused {(GC.GetTotalPauseDuration() - Paused).TotalMilliseconds:F0} ms in all");
}
