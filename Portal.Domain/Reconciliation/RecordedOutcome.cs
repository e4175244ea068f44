namespace Portal.Domain.Reconciliation;

/// <summary>What Portal's record of an order implies for the bank's books.</summary>
public enum RecordedOutcome
{
    /// <summary>Succeeded: the bank must show the movement.</summary>
    Settled,

    /// <summary>Still with the rail (processing, awaiting approval): no movement expected yet.</summary>
    InFlight,

    /// <summary>Failed or rejected: the bank must show no movement.</summary>
    NotMoved,
}
