using Portal.Domain.Common;
using Portal.Domain.Payments;

namespace Portal.Domain.Rails;

/// <summary>
/// What a payment and a refund both do with their order at the rail, written once: steps 5 and 6 from the rail's
/// answer (accepted, settled or rejected), the rail's instants kept within what Portal saw, step 7 once the result is
/// told, and which answers add nothing. The entities call it for their own transitions, the flows for a rail's answer.
/// </summary>
internal static class RailOrderProtocol
{
    /// <summary>
    /// Steps 5 and 6 from <paramref name="result"/>, and step 7 when they give the order its result; false, with nothing
    /// changed, when the result adds nothing: the order is final already, was never sent (step 4 is saved before an order
    /// leaves, so the rail cannot know it), or the answer is an acceptance seen before. Saying the same thing twice thus
    /// changes nothing the second time. What the result means for the order's other side (its checkout, a refund's
    /// payment) is the caller's to apply.
    /// </summary>
    public static bool Apply(IRailOrder order, RailResult result, DateTimeOffset now)
    {
        if (!order.IsProcessing || order.Stage < RailOrderStage.Sent ||
            (result.Status == RailOrderStatus.Accepted && order.Stage >= RailOrderStage.Verified))
        {
            return false;
        }
        Record(order, result, now);
        AnnounceResult(order, now);
        return true;
    }

    /// <summary>Steps 5 and 6 from what the rail said, at the instants the rail reported (kept within what Portal saw).</summary>
    public static void Record(IRailOrder order, RailResult result, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.OrderId != order.OrderId)
        {
            throw new DomainException("The rail answered for another order.");
        }
        if (!order.IsProcessing || order.Stage < RailOrderStage.Sent)
        {
            throw order.Refuse(result.Status.ToString());
        }

        if (result.VerifiedAt is { } verifiedAt && order.Stage == RailOrderStage.Sent)
        {
            order.Verify(Clamp(order, verifiedAt, now));
        }
        switch (result.Status)
        {
            case RailOrderStatus.Accepted:
                break;
            case RailOrderStatus.Settled:
                if (order.Stage != RailOrderStage.Verified)
                {
                    order.Verify(Clamp(order, result.ProcessedAt ?? now, now));
                }
                order.Settle(result, Clamp(order, result.ProcessedAt ?? now, now));
                break;
            case RailOrderStatus.Rejected:
                order.Fail(result.Failure ?? FailureReason.Refused, now);
                break;
            default:
                throw new DomainException($"Unknown rail status {result.Status}.");
        }
    }

    /// <summary>Step 7: the result has been told. Only once, and only a result.</summary>
    public static void Notify(IRailOrder order, DateTimeOffset now)
    {
        if (!order.HasResult || order.NotifiedAt is not null)
        {
            throw order.Refuse(nameof(RailOrderStage.Notified));
        }
        order.Notify(Clamp(order, now, now));
    }

    /// <summary>Step 7 with the change that gave the order its result; nothing when it has none or was told already.</summary>
    /// <remarks>
    /// Step 7 is committed with the result it announces, and the result is published right after that commit. The push
    /// is an in-process fan-out to the watchers' circuits that cannot fail on its own, and a process that dies between
    /// the commit and the push takes those circuits with it: every page that could miss the push reads the saved result
    /// when it reconnects. Saving step 7 on its own would cost a second commit and a second render of every watching
    /// page per result, which is what capped the waiting pages' push latency (README, capacity).
    /// </remarks>
    public static void AnnounceResult(IRailOrder order, DateTimeOffset now)
    {
        if (order.HasResult && order.NotifiedAt is null)
        {
            Notify(order, now);
        }
    }

    // A rail's clock may differ from ours: keep its instants between our previous step and now, so the timeline reads forward.
    private static DateTimeOffset Clamp(IRailOrder order, DateTimeOffset at, DateTimeOffset now)
    {
        var floor = order.LastStepAt;
        return at < floor ? floor : at > now ? now : at;
    }
}
