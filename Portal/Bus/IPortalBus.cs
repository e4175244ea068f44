namespace Portal.Bus;

/// <summary>
/// What the instances of one deployment tell each other: that a payment or refund changed, that webhooks are due.
/// Only what can be lost and recomputed goes over it (the database is the source of truth), so a message may be
/// dropped while the bus is down and nobody waits for one to arrive.
/// </summary>
public interface IPortalBus
{
    /// <summary>False for the one-process app (no Redis configured): then nothing is published and nothing arrives.</summary>
    bool IsEnabled { get; }

    /// <summary>Whether messages go out and come in now. Always false when the bus is not enabled.</summary>
    bool IsConnected { get; }

    /// <summary>Sends <paramref name="body"/> to the other instances without waiting; it is dropped while disconnected.</summary>
    void Publish(BusTopic topic, ReadOnlySpan<byte> body);

    /// <summary>
    /// Calls <paramref name="handler"/> with each message another instance publishes on <paramref name="topic"/> (never
    /// with this instance's own). Handlers run on the bus's threads and must return quickly.
    /// </summary>
    void Subscribe(BusTopic topic, Action<ReadOnlyMemory<byte>> handler);
}
