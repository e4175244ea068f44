namespace Portal.Domain.Rails;

/// <summary>
/// Where an order stands at the rail, in the steps a payment and a refund share: 3 created, 4 sent, 5 verified,
/// 6 processed, 7 notified. Each entity names its own steps; this is what <see cref="RailOrderProtocol"/> reads.
/// </summary>
internal enum RailOrderStage
{
    /// <summary>Steps 1–2: no order yet.</summary>
    NoOrder = 0,

    Created = 3,

    Sent = 4,

    Verified = 5,

    Processed = 6,

    Notified = 7,
}
