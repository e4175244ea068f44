namespace Portal.Domain.Payments;

/// <summary>Timing rules of the flow and its reconciler.</summary>
public sealed class PaymentFlowOptions
{
    /// <summary>
    /// How long the rail accepts an order after it was signed. Once it has passed, an order the rail never received can
    /// never be received, so failing it is certain, not a guess. Must not be shorter than the rail's own tolerance.
    /// </summary>
    public TimeSpan RailAcceptanceWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a payment may wait for the rail before the reconciler asks about it.</summary>
    public TimeSpan ReconcileAfter { get; set; } = TimeSpan.FromSeconds(15);
}
