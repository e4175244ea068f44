namespace Portal.Abuse;

/// <summary>One token bucket: <see cref="Burst"/> attempts at once, then one more each <see cref="Every"/>.</summary>
public sealed class VelocityLimit
{
    /// <summary>How many attempts may come at once before the limit holds.</summary>
    public int Burst { get; set; }

    /// <summary>How often one more attempt is allowed once the burst is spent.</summary>
    public TimeSpan Every { get; set; }

    internal bool IsValid => Burst > 0 && Every >= TimeSpan.FromMilliseconds(1) && Every <= TimeSpan.FromDays(1);
}
