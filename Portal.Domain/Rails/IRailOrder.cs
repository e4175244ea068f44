using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Domain.Rails;

/// <summary>
/// A payment or a refund as an order at the rail: what <see cref="RailOrderProtocol"/> reads of it and the transitions
/// it asks of it. Each entity keeps its own states and checks each transition in its own table; the protocol decides
/// which of them a rail's answer calls for, once for both.
/// </summary>
internal interface IRailOrder
{
    /// <summary>The id the rail knows the order by.</summary>
    Guid OrderId { get; }

    /// <summary>Whether the outcome is the rail's to give: the order exists and nothing final happened.</summary>
    bool IsProcessing { get; }

    /// <summary>Whether it succeeded or failed: a result to tell the customer and the merchant.</summary>
    bool HasResult { get; }

    RailOrderStage Stage { get; }

    DateTimeOffset? OrderSentAt { get; }

    DateTimeOffset? NotifiedAt { get; }

    /// <summary>The instant of the last step taken, the earliest a later step may carry.</summary>
    DateTimeOffset LastStepAt { get; }

    /// <summary>Step 5 at <paramref name="at"/>.</summary>
    void Verify(DateTimeOffset at);

    /// <summary>Step 6 at <paramref name="at"/>: it succeeded, as <paramref name="result"/> says.</summary>
    void Settle(RailResult result, DateTimeOffset at);

    void Fail(FailureReason reason, DateTimeOffset now);

    /// <summary>Step 7 at <paramref name="at"/>.</summary>
    void Notify(DateTimeOffset at);

    /// <summary>The refusal of a transition its state does not allow, named as the entity names its states.</summary>
    InvalidTransitionException Refuse(string transition);
}
