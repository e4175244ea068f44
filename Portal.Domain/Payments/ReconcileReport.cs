namespace Portal.Domain.Payments;

/// <summary>What one reconciliation round did.</summary>
public sealed class ReconcileReport
{
    public int Finished { get; set; }

    public int Failed { get; set; }

    public int Unreachable { get; set; }
}
