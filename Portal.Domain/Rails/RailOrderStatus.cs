namespace Portal.Domain.Rails;

public enum RailOrderStatus
{
    /// <summary>Verified and queued; the result follows later (fast rail).</summary>
    Accepted,

    /// <summary>Payer debited, merchant credited, settled.</summary>
    Settled,

    /// <summary>Refused at verification or processing; nothing moved.</summary>
    Rejected,
}
