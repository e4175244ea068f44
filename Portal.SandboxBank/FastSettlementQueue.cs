using System.Threading.Channels;

namespace Portal.SandboxBank;

/// <summary>
/// Accepted fast orders waiting for <see cref="FastSettlement"/>. In memory only: the orders themselves are in the
/// database as Accepted, and the settler reads them back at start, so a restart loses nothing.
/// </summary>
public sealed class FastSettlementQueue
{
    private readonly Channel<(Guid OrderId, DateTimeOffset AcceptedAt)> _orders =
        Channel.CreateUnbounded<(Guid, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    public void Schedule(Guid orderId, DateTimeOffset acceptedAt) => _orders.Writer.TryWrite((orderId, acceptedAt));

    internal ChannelReader<(Guid OrderId, DateTimeOffset AcceptedAt)> Reader => _orders.Reader;
}
